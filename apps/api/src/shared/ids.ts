const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every record id is a UUID (the read model's key columns are uuid). An id that is not one
 * names no record: queries answer null or nothing for it rather than letting PostgreSQL
 * refuse the cast as an internal error.
 */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}
