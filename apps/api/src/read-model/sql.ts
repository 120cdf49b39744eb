import { foldForSearch } from '@tracker/domain';

/**
 * The LIKE pattern for a substring search on a search_text column. The projections store that
 * column folded by foldForSearch (lower case, no Thai tone marks, Thai digits as Arabic), so
 * the term is folded by the same function and the column is compared bare: wrapping the column
 * in a function would cost the pg_trgm GIN index that answers `like '%term%'`. % and _ typed
 * by a user are matched literally. A term that folds to nothing ("่" alone) matches every row,
 * as an empty search does.
 */
export function containsPattern(term: string): string {
  return `%${foldForSearch(term).replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** What every search filter forgives, for the filters' descriptions in the schema. */
export const SEARCH_FORGIVES =
  'Ignores case, Thai tone marks, thanthakhat and mai taikhu, and reads Thai digits as Arabic ones: "ลาซาดา" finds "ลาซาด้า", "2562" finds "๒๕๖๒".';

/** A jsonb array-of-objects containment value: `partners @> '[{"organizationId": ...}]'`. */
export function jsonContains(value: unknown): string {
  return JSON.stringify([value]);
}
