import { runMigrations } from '@tracker/database';
import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
import { foldForSearch } from '@tracker/domain';
import type { Pool } from 'pg';
import { readModelMigrations } from './read-model.migrations';
import { migrateReadModel, schemaPool } from './schema';

/** Words as people typed them, each with what foldForSearch is meant to forgive in it. */
const TYPED = [
  'ลาซาด้า Lazada',
  'โครงการปี ๒๕๖๒',
  'จันทร์ เป็น น้ำ',
  'น\u0e4d\u0e49\u0e32 (nikhahit, tone mark, sara aa)',
  '\u0e40\u0e40ม่โขง',
  'ลาซา\u200bด้า\u00ad\ufeff',
  'ＬＡＺＡＤＡ２０１９ Café Cafe\u0301',
  '\u210c black-letter capital',
  '阿里巴巴集团 100% a_b',
  'Department of International Economic Affairs',
];

/** What the projections stored before migration 003: the words, lower-cased and nothing more. */
const storedBefore = (words: string) => words.toLowerCase();

describe('read-model/003-fold-search-text', () => {
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = schemaPool({ connectionString: db.url }, 'read_model');
    await pool.query('create schema read_model');
    const before = readModelMigrations.findIndex((migration) => migration.id === 'read-model/003-fold-search-text');
    expect(before).toBeGreaterThan(0);
    await runMigrations(pool, readModelMigrations.slice(0, before));

    for (const [index, words] of TYPED.entries()) {
      const id = `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`;
      const stamp = [1, new Date('2019-12-16T00:00:00Z'), new Date('2019-12-16T00:00:00Z'), index + 1];
      await pool.query(
        `insert into organizations (id, name, kind, search_text, version, created_at, updated_at, last_position)
         values ($1, $2, 'COMPANY', $3, $4, $5, $6, $7)`,
        [id, { th: words }, storedBefore(words), ...stamp],
      );
      await pool.query(
        `insert into programs (id, title, status, partners, search_text, version, created_at, updated_at, last_position)
         values ($1, $2, 'ACTIVE', '[]', $3, $4, $5, $6, $7)`,
        [id, { th: words }, storedBefore(words), ...stamp],
      );
      await pool.query(
        `insert into activities (id, kind, title, starts_on, ends_on, organizer_ids, participants, organization_ids, topics, search_text,
                                 version, created_at, updated_at, last_position)
         values ($1, 'MEETING', $2, '2019-12-16', '2019-12-16', '[]', '[]', '[]', '[]', $3, $4, $5, $6, $7)`,
        [id, { th: words }, storedBefore(words), ...stamp],
      );
    }
    await migrateReadModel(pool, 'read_model');
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it.each(['organizations', 'programs', 'activities'])('refolds the search_text of every %s row as foldForSearch folds the words', async (table) => {
    const { rows } = await pool.query<{ search_text: string }>(`select search_text from ${table} order by last_position`);
    expect(rows.map((row) => row.search_text)).toEqual(TYPED.map(foldForSearch));
    // The refold had something to do: most of the words were stored unfolded.
    expect(rows.filter((row, index) => row.search_text !== storedBefore(TYPED[index])).length).toBeGreaterThan(5);
  });

  it('leaves a schema with no rows yet (a rebuild) as it was', async () => {
    const shadow = schemaPool({ connectionString: db.url }, 'read_model_shadow');
    try {
      await migrateReadModel(shadow, 'read_model_shadow');
      const { rows } = await shadow.query<{ id: string }>('select id from schema_migrations order by id');
      expect(rows.map((row) => row.id)).toContain('read-model/003-fold-search-text');
      expect((await shadow.query('select count(*)::int as n from organizations')).rows[0].n).toBe(0);
    } finally {
      await shadow.end();
    }
  });
});
