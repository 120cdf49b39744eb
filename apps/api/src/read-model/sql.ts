/**
 * The LIKE pattern for a substring search on a search_text column (lower-cased by the
 * projections with JavaScript's toLowerCase, so the term is lowered the same way). The
 * pg_trgm GIN index answers `like '%term%'`; % and _ typed by a user are matched literally.
 */
export function containsPattern(term: string): string {
  return `%${term.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** A jsonb array-of-objects containment value: `partners @> '[{"organizationId": ...}]'`. */
export function jsonContains(value: unknown): string {
  return JSON.stringify([value]);
}
