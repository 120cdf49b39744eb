import type { PoolClient } from 'pg';
import { callerFor, dataOf, mutate, newCommandId, type Caller } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { ReadDatabase } from './read-database';

// Search that forgives Thai spelling (issue 11, item 10): tone marks, thanthakhat and mai
// taikhu typed differently or left out, Thai or Arabic digits, all through the trigram index.

let api: TestApp;
let diplomat: Caller;
let planner: Caller;

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  diplomat = await callerFor(api, ['diplomat']);
  planner = await callerFor(api, ['planner']);

  const register = async (name: Record<string, string>) =>
    dataOf(await mutate(diplomat, 'registerOrganization', { commandId: newCommandId(), name, kind: 'COMPANY' }, '{ organization { id } result { projected } }'))
      .registerOrganization;
  const launch = async (title: Record<string, string>, summary?: string) =>
    dataOf(await mutate(planner, 'launchProgram', { commandId: newCommandId(), title, summary }, '{ program { id } result { projected } }')).launchProgram;

  const lazada = await register({ th: 'ลาซาด้า', en: 'Lazada (Thailand) Co., Ltd.' });
  const shopee = await register({ th: 'ช้อปปี้', en: 'Shopee' });
  await register({ th: 'กรมการพัฒนาชุมชน', en: 'Community Development Department' });

  const otop = await launch({ th: 'ขายสินค้าโอทอปผ่านลาซาด้า ปี ๒๕๖๒', en: 'OTOP sales through Lazada' }, 'Community products online');
  await launch({ th: 'งานแสดงสินค้า 2563', en: 'Trade fair' });
  await launch({ en: 'Rice exports' }, 'ส่งออกข้าวหอมมะลิ');

  const log = async (input: Record<string, unknown>) =>
    dataOf(await mutate(diplomat, 'logActivity', { commandId: newCommandId(), kind: 'MEETING', ...input }, '{ activity { id } result { projected } }')).logActivity;
  const meeting = await log({
    programId: otop.program.id,
    title: { th: 'หารือการขายสินค้า OTOP ผ่านลาซาด้า', en: 'Meeting on OTOP sales through Lazada' },
    startsOn: '2019-12-16',
    organizerIds: [lazada.organization.id],
    topics: ['เศรษฐกิจฐานราก'],
    summary: 'ประชุมเมื่อ ๑๖ ธันวาคม ๒๕๖๒',
  });
  const workshop = await log({
    programId: otop.program.id,
    title: { th: 'อบรมการขายออนไลน์กับช้อปปี้', en: 'Workshop with Shopee' },
    startsOn: '2020-01-20',
    organizerIds: [shopee.organization.id],
  });
  // Each mutation answered after its row was in the read model: the searches below see them all.
  expect([lazada, shopee, otop, meeting, workshop].every((written) => written.result.projected)).toBe(true);
});

afterAll(async () => {
  await api?.close();
});

const names = async (list: 'organizations' | 'programs' | 'activities', search: string): Promise<string[]> => {
  const field = list === 'organizations' ? 'name' : 'title';
  const data = dataOf(await planner(`query ($search: String) { ${list}(filter: { search: $search }) { edges { node { ${field} { en } } } } }`, { search }));
  return data[list].edges.map((edge: any) => edge.node[field].en).sort();
};

describe('searching organisations', () => {
  it.each([
    ['without the tone mark', 'ลาซาดา'],
    ['with the tone mark', 'ลาซาด้า'],
    ['with the wrong tone mark', 'ลาซาด๊า'],
    ['with part of the name', 'ซาดา'],
  ])('finds "ลาซาด้า" %s ("%s")', async (_how, search) => {
    expect(await names('organizations', search)).toEqual(['Lazada (Thailand) Co., Ltd.']);
  });

  it('finds "ช้อปปี้" spelled with mai taikhu ("ช็อปปี้"), as people also write it', async () => {
    expect(await names('organizations', 'ช็อปปี้')).toEqual(['Shopee']);
  });

  it('still tells names apart by their letters', async () => {
    expect(await names('organizations', 'ลาซาดี')).toEqual([]);
  });

  it('stays case-insensitive and matches LIKE wildcards literally', async () => {
    expect(await names('organizations', 'LAZADA (THAI')).toEqual(['Lazada (Thailand) Co., Ltd.']);
    expect(await names('organizations', 'Laz_da')).toEqual([]);
  });
});

describe('searching programs', () => {
  it('finds a title with a tone mark from a search without it', async () => {
    expect(await names('programs', 'ผ่านลาซาดา')).toEqual(['OTOP sales through Lazada']);
  });

  it('finds Thai digits from Arabic ones ("2562" finds "๒๕๖๒")', async () => {
    expect(await names('programs', 'ปี 2562')).toEqual(['OTOP sales through Lazada']);
  });

  it('finds Arabic digits from Thai ones ("๒๕๖๓" finds "2563")', async () => {
    expect(await names('programs', '๒๕๖๓')).toEqual(['Trade fair']);
  });

  it('searches the summary the same way', async () => {
    expect(await names('programs', 'ขาวหอมมะล')).toEqual(['Rice exports']);
  });
});

describe('searching activities', () => {
  it('finds a title with a tone mark from a search without it', async () => {
    expect(await names('activities', 'ลาซาดา')).toEqual(['Meeting on OTOP sales through Lazada']);
  });

  it('finds a topic typed without its tone marks', async () => {
    expect(await names('activities', 'เศรษฐกิจฐานราก')).toEqual(['Meeting on OTOP sales through Lazada']);
  });

  it('finds a summary written with Thai digits from Arabic ones ("2562")', async () => {
    expect(await names('activities', '16 ธันวาคม 2562')).toEqual(['Meeting on OTOP sales through Lazada']);
  });

  it('finds "ช้อปปี้" typed without any mark', async () => {
    expect(await names('activities', 'ชอปปี')).toEqual(['Workshop with Shopee']);
  });
});

/**
 * The statements the api sent to the read model while answering `operation`, with their
 * parameters, as TypeORM passed them to pg: the exact SQL the search runs.
 */
async function statementsOf(operation: string): Promise<{ sql: string; parameters: unknown[] }[]> {
  const log = api.app.get(ReadDatabase).queryLog;
  const spy = jest.spyOn(log, 'logQuery');
  try {
    dataOf(await planner(operation));
    return spy.mock.calls.map(([sql, parameters]) => ({ sql, parameters: parameters ?? [] }));
  } finally {
    spy.mockRestore();
  }
}

/**
 * Rows enough that the planner's choice means something: on the handful of rows above, any
 * plan is cheap and PostgreSQL rightly walks whichever index gives the order it needs. The
 * filler is folded Thai and English text like real rows, and none of it holds the term.
 */
const FILLER_ROWS = 10_000;
const FILLER: Record<string, string> = {
  organizations: `insert into read_model.organizations (id, name, kind, search_text, version, created_at, updated_at, last_position)
    select gen_random_uuid(), '{}', 'COMPANY', text, 1, now(), now(), 0 from filler`,
  programs: `insert into read_model.programs (id, title, status, partners, search_text, version, created_at, updated_at, last_position)
    select gen_random_uuid(), '{}', 'ACTIVE', '[]', text, 1, now(), now(), 0 from filler`,
  activities: `insert into read_model.activities (id, kind, title, starts_on, ends_on, organizer_ids, participants, organization_ids, topics,
      search_text, version, created_at, updated_at, last_position)
    select gen_random_uuid(), 'MEETING', '{}', day, day, '[]', '[]', '[]', '[]', text, 1, now(), now(), 0 from filler`,
};

/**
 * Runs `work` with `table` holding FILLER_ROWS more rows and fresh statistics, handing it the
 * plan PostgreSQL picks for a statement; the rows and the statistics are rolled back after,
 * so no other test sees them.
 */
async function withFiller(client: PoolClient, table: string, work: (planOf: (sql: string, parameters: unknown[]) => Promise<string>) => Promise<void>): Promise<void> {
  await client.query('begin');
  try {
    await client.query(
      `with filler as (
         select date '2019-01-01' + (i % 1500) as day,
                'ประชุมหารือความรวมมือ ' || i || ' สินคาชุมชน ' || md5(i::text) || ' ' || (array['กรุงเทพ', 'เชียงใหม', 'ขอนแกน', 'ภูเก็ต'])[1 + i % 4] as text
         from generate_series(1, ${FILLER_ROWS}) as i
       ) ${FILLER[table]}`,
    );
    // Rows inserted lie in the GIN index's pending list until a vacuum merges them, and the
    // planner prices a scan of that list; merge it, as autovacuum would on a live table.
    await client.query(`select gin_clean_pending_list('read_model.${table}_search'::regclass)`);
    await client.query(`analyze read_model.${table}`);
    await work(async (sql, parameters) => {
      const { rows } = await client.query(`explain ${sql}`, parameters);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });
  } finally {
    await client.query('rollback');
  }
}

describe('the search SQL the api runs', () => {
  let client: PoolClient;
  beforeAll(async () => {
    client = await api.database.pool.connect();
  });
  afterAll(() => client?.release());

  it.each([
    ['organizations', 'o', 'name'],
    ['programs', 'p', 'title'],
    ['activities', 'a', 'title'],
  ])('lets PostgreSQL answer the %s search with the trigram index', async (table, alias, field) => {
    const statements = (await statementsOf(`{ ${table}(filter: { search: "ลาซาดา" }) { totalCount edges { node { ${field} { en } } } } }`)).filter(
      ({ sql }) => sql.includes('search_text'),
    );
    // The count and the page.
    expect(statements.length).toBeGreaterThanOrEqual(2);
    const column = `"${alias}"."search_text"`;
    const usesIndex = new RegExp(`Bitmap Index Scan on ${table}_search\\b`);
    await withFiller(client, table, async (planOf) => {
      for (const { sql, parameters } of statements) {
        // The column is compared bare; the folded term arrives as a parameter.
        expect(sql).toContain(`${column} like $`);
        expect(parameters).toContain('%ลาซาดา%');
        expect(await planOf(sql, parameters)).toMatch(usesIndex);

        // The control that shows the assertion can fail: folding the column in SQL instead of
        // in the projection would leave the index unusable, and the same check would see it.
        const columnInAFunction = sql.split(column).join(`lower(${column})`);
        expect(columnInAFunction).not.toBe(sql);
        expect(await planOf(columnInAFunction, parameters)).not.toMatch(usesIndex);
      }
    });
  });
});
