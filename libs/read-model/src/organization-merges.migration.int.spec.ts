import { runMigrations } from '@tracker/database';
import { createTestDatabase, type TestDatabase } from '@tracker/database/testing';
import type { Pool } from 'pg';
import { readModelMigrations } from './read-model.migrations';
import { schemaPool } from './schema';

const MIGRATION = 'read-model/006-organization-merges';
const [lazada, mall, cdd] = ['10000000-0000-4000-8000-000000000007', '10000000-0000-4000-8000-000000000008', '10000000-0000-4000-8000-000000000005'];
const [program, otherProgram] = ['20000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000002'];

describe(`migration ${MIGRATION} on a read model projected before it`, () => {
  jest.setTimeout(60_000);
  let db: TestDatabase;
  let pool: Pool;

  beforeAll(async () => {
    db = await createTestDatabase();
    pool = schemaPool({ connectionString: db.url, max: 2 }, 'read_model');
    await pool.query('create schema read_model');
    const index = readModelMigrations.findIndex((migration) => migration.id === MIGRATION);
    await runMigrations(pool, readModelMigrations.slice(0, index));
    const stamp = `1, now(), now(), 1`;
    await pool.query(
      `insert into programs (id, title, summary, status, started_on, partners, search_text, version, created_at, updated_at, last_position)
       values ($1, '{}', null, 'ACTIVE', null, $3, '', ${stamp}), ($2, '{}', null, 'ACTIVE', null, '[]', '', ${stamp})`,
      [program, otherProgram, JSON.stringify([{ organizationId: lazada, role: 'PLATFORM', joinedOn: null }])],
    );
    await pool.query(
      `insert into activities (id, kind, title, program_id, starts_on, ends_on, location, organizer_ids, participants, organization_ids, topics, summary, search_text,
                               version, created_at, updated_at, last_position)
       values (gen_random_uuid(), 'MEETING', '{}', $1, '2019-12-16', '2019-12-16', null, $2, '[]', $2, '[]', null, '', ${stamp}),
              (gen_random_uuid(), 'MEETING', '{}', null, '2019-12-16', '2019-12-16', null, $3, '[]', $3, '[]', null, '', ${stamp})`,
      [otherProgram, JSON.stringify([lazada, cdd]), JSON.stringify([mall])],
    );
    await pool.query(
      `insert into agreements (id, title, party_ids, program_id, status, signed_on, expires_on, terminated_on, version, created_at, updated_at, last_position)
       values (gen_random_uuid(), '{}', $2, $1, 'DRAFT', null, null, null, ${stamp})`,
      [program, JSON.stringify([cdd, lazada])],
    );
    await pool.query(
      `insert into follow_ups (id, activity_id, program_id, description, owner_id, due_on, status, note, closed_on, version, created_at, updated_at, last_position)
       values (gen_random_uuid(), gen_random_uuid(), $1, 'train sellers', $2, null, 'OPEN', null, null, ${stamp})`,
      [program, mall],
    );
    expect(await runMigrations(pool, readModelMigrations)).toContain(MIGRATION);
  });

  afterAll(async () => {
    await pool?.end();
    await db?.drop();
  });

  it('fills organization_programs from the rows that name organisations inside a program', async () => {
    const { rows } = await pool.query<{ organization_id: string; program_ids: string[]; merge_position: string | null }>(
      'select organization_id, program_ids, merge_position from organization_programs order by organization_id',
    );
    const byOrganization = Object.fromEntries(rows.map((row) => [row.organization_id, [...row.program_ids].sort()]));
    // Partner, organiser, party, owner; an activity outside any program names nothing.
    expect(byOrganization).toEqual({ [cdd]: [program, otherProgram], [lazada]: [program, otherProgram], [mall]: [program] });
    expect(rows.every((row) => row.merge_position === null)).toBe(true);
  });

  it('answers "which organisations took part in this program"', async () => {
    const { rows } = await pool.query<{ organization_id: string }>(
      `select organization_id from organization_programs where program_ids @> jsonb_build_array($1::text) order by organization_id`,
      [otherProgram],
    );
    expect(rows.map((row) => row.organization_id)).toEqual([cdd, lazada]);
  });
});
