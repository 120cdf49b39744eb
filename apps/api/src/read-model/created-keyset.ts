import { isUuid } from '../shared/ids';

/**
 * Organisations and programs are listed in the order they were recorded: (createdAt, id).
 * The projections write created_at from the event's recordedAt at millisecond precision,
 * which a JavaScript Date holds exactly, so the cursor's timestamp compares equal.
 */
export type CreatedKeyset = [createdAt: string, id: string];

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export function isCreatedKeyset(value: unknown): value is CreatedKeyset {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && ISO_INSTANT.test(value[0]) && isUuid(value[1]);
}

export function createdKeysetOf(row: { createdAt: Date; id: string }): CreatedKeyset {
  return [row.createdAt.toISOString(), row.id];
}
