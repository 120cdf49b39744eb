import { isUuid } from '../shared/ids';

/**
 * DataLoader's contract: one result per key, in key order. These line up rows fetched with
 * `where id = any(...)` with the keys asked for.
 */
export function oneByKey<T, K extends string>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => string): (T | null)[] {
  const byKey = new Map(items.map((item) => [keyOf(item), item]));
  return keys.map((key) => byKey.get(key) ?? null);
}

export function manyByKey<T, K extends string>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => string | null): T[][] {
  const byKey = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const list = byKey.get(key);
    if (list) list.push(item);
    else byKey.set(key, [item]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}

/** The distinct keys worth sending to PostgreSQL (a non-UUID id names no row). */
export function uuids(keys: readonly string[]): string[] {
  return [...new Set(keys.filter(isUuid))];
}
