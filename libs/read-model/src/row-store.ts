/**
 * Where a projection reads and writes its rows while it applies events. The projector backs
 * it with rows loaded from PostgreSQL for one batch (postgres-row-store.ts); the auditor's
 * as-of view backs it with plain maps (MemoryRowStore), so both run the same projection code.
 */
export type Row = Record<string, unknown>;

export interface TableSpec {
  name: string;
  /** The primary-key column of an upserted table; null for insert-only tables. */
  key: string | null;
}

export interface RowStore {
  get<T extends Row>(table: string, id: string): T | undefined;
  /** Inserts or replaces the row with this key. */
  put(table: string, row: Row): void;
  /** Adds a row to an insert-only table (a duplicate is ignored on write). */
  insert(table: string, row: Row): void;
}

/** A RowStore held in memory: the as-of view, and projection unit tests. */
export class MemoryRowStore implements RowStore {
  private readonly tables = new Map<string, Map<string, Row>>();
  private readonly keys = new Map<string, string | null>();

  constructor(specs: readonly TableSpec[]) {
    for (const spec of specs) {
      this.tables.set(spec.name, new Map());
      this.keys.set(spec.name, spec.key);
    }
  }

  get<T extends Row>(table: string, id: string): T | undefined {
    return this.table(table).get(id) as T | undefined;
  }

  put(table: string, row: Row): void {
    const key = this.keys.get(table);
    if (!key) throw new Error(`${table} is insert-only`);
    this.table(table).set(String(row[key]), row);
  }

  insert(table: string, row: Row): void {
    // The same row twice is one row, as PostgreSQL's insert-only tables keep it (on conflict
    // do nothing on their primary key, which a row's columns determine).
    this.table(table).set(JSON.stringify(row), row);
  }

  rows<T extends Row>(table: string): T[] {
    return [...this.table(table).values()] as T[];
  }

  private table(name: string): Map<string, Row> {
    const table = this.tables.get(name);
    if (!table) throw new Error(`Unknown read-model table ${name}`);
    return table;
  }
}
