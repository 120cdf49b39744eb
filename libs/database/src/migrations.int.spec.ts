import { createTestDatabase, type TestDatabase } from './testing';
import { Pool } from 'pg';
import { runMigrations, type Migration } from './migrations';

describe('runMigrations', () => {
  let db: TestDatabase;
  beforeEach(async () => {
    db = await createTestDatabase();
  });
  afterEach(async () => {
    await db.drop();
  });

  const migrations: Migration[] = [
    { id: 'test/001-notes', sql: 'create table notes (id int primary key, body text)' },
    { id: 'test/002-seed', sql: "insert into notes values (1, 'first'); insert into notes values (2, 'second')" },
  ];

  it('applies pending migrations in order and records them', async () => {
    expect(await runMigrations(db.pool, migrations)).toEqual(['test/001-notes', 'test/002-seed']);
    const { rows } = await db.pool.query('select id from schema_migrations order by id');
    expect(rows.map((row) => row.id)).toEqual(['test/001-notes', 'test/002-seed']);
    expect((await db.pool.query('select count(*)::int as n from notes')).rows[0].n).toBe(2);
  });

  it('applies nothing the second time', async () => {
    await runMigrations(db.pool, migrations);
    expect(await runMigrations(db.pool, migrations)).toEqual([]);
    expect((await db.pool.query('select count(*)::int as n from notes')).rows[0].n).toBe(2);
  });

  it('applies each migration once when several processes start together', async () => {
    const pools = Array.from({ length: 5 }, () => new Pool({ connectionString: db.url, max: 1 }));
    try {
      const applied = await Promise.all(pools.map((pool) => runMigrations(pool, migrations)));
      expect(applied.flat().sort()).toEqual(['test/001-notes', 'test/002-seed']);
      expect((await db.pool.query('select count(*)::int as n from notes')).rows[0].n).toBe(2);
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it('rolls back a failing migration alone and stops there', async () => {
    const failing: Migration[] = [
      migrations[0],
      { id: 'test/002-broken', sql: "insert into notes values (1, 'kept?'); select 1/0" },
      { id: 'test/003-never', sql: 'create table never (id int)' },
    ];
    await expect(runMigrations(db.pool, failing)).rejects.toThrow(/test\/002-broken failed: division by zero/);
    const { rows } = await db.pool.query('select id from schema_migrations');
    expect(rows.map((row) => row.id)).toEqual(['test/001-notes']);
    expect((await db.pool.query('select count(*)::int as n from notes')).rows[0].n).toBe(0);
    expect((await db.pool.query("select to_regclass('never') as t")).rows[0].t).toBeNull();
  });

  it('refuses a list with the same id twice', async () => {
    await expect(runMigrations(db.pool, [migrations[0], migrations[0]])).rejects.toThrow(/Duplicate migration id/);
  });
});
