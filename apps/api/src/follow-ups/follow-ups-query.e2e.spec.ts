import { CommandBus } from '@nestjs/cqrs';
import { AddFollowUp, CloseFollowUp, LaunchProgram, LogActivity, RegisterOrganization } from '@tracker/application';
import { ReadYourWrites } from '../commands/read-your-writes.service';
import { encodeCursor } from '../graphql/connection';
import { ReadDatabase } from '../read-model/read-database';
import { callerFor, codesOf, dataOf, type Caller } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';

// The followUps query across programs, on a database of its own: the follow-ups below are all
// there is, so every list can be written out in full.

// Setting up sends a few dozen commands through the projector; on a busy machine that takes a while.
jest.setTimeout(60_000);

let api: TestApp;
let diplomat: Caller;
let commands: CommandBus;
const ctx = { actor: 'setup', now: new Date() };
let last = 0n;

/** Sends a command straight to the command side, remembering the last position written. */
async function send<T extends { id: string; position: bigint }>(command: object): Promise<string> {
  const result = (await commands.execute(command as never)) as T;
  if (result.position > last) last = result.position;
  return result.id;
}

interface Seeded {
  id: string;
  dueOn: string | null;
  status: 'OPEN' | 'DONE' | 'DROPPED';
  ownerId: string | null;
  programId: string | null;
}

const ids = {} as Record<'lazada' | 'cdd' | 'alibaba' | 'otop' | 'rice' | 'otopMeeting' | 'riceFair' | 'embassyCall', string>;
let seeded: Seeded[];

beforeAll(async () => {
  api = await startTestApp({ projector: true });
  diplomat = await callerFor(api, ['diplomat']);
  commands = api.app.get(CommandBus);
  ids.lazada = await send(new RegisterOrganization({ name: { en: 'Lazada' }, kind: 'COMPANY' }, ctx));
  ids.cdd = await send(new RegisterOrganization({ name: { en: 'Community Development Department' }, kind: 'DEPARTMENT' }, ctx));
  ids.alibaba = await send(new RegisterOrganization({ name: { en: 'Alibaba' }, kind: 'COMPANY' }, ctx));
  ids.otop = await send(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, ctx));
  ids.rice = await send(new LaunchProgram({ title: { en: 'Rice exports' }, status: 'ACTIVE' }, ctx));
  ids.otopMeeting = await send(new LogActivity({ programId: ids.otop, kind: 'MEETING', title: { en: 'Meeting at the CDD' }, startsOn: '2019-12-16' }, ctx));
  ids.riceFair = await send(new LogActivity({ programId: ids.rice, kind: 'FAIR', title: { en: 'Rice fair' }, startsOn: '2019-11-01' }, ctx));
  // An activity outside any program: its follow-ups have no program.
  ids.embassyCall = await send(new LogActivity({ kind: 'MEETING', title: { en: 'Call with the embassy' }, startsOn: '2019-12-01' }, ctx));

  const add = async (activityId: string, programId: string | null, ownerId: string | null, dueOn: string | null, status: Seeded['status'] = 'OPEN') => {
    const id = await send(new AddFollowUp({ activityId, description: `due ${dueOn ?? 'whenever'}`, ownerId, dueOn }, ctx));
    if (status !== 'OPEN') await send(new CloseFollowUp({ id, status }, ctx));
    return { id, dueOn, status, ownerId, programId };
  };
  seeded = [
    await add(ids.otopMeeting, ids.otop, ids.lazada, '2020-03-31'),
    await add(ids.otopMeeting, ids.otop, ids.cdd, '2020-01-15'),
    await add(ids.otopMeeting, ids.otop, ids.lazada, '2020-01-15', 'DONE'),
    await add(ids.riceFair, ids.rice, ids.lazada, '2020-02-01'),
    await add(ids.riceFair, ids.rice, ids.alibaba, null),
    await add(ids.otopMeeting, ids.otop, null, null, 'DROPPED'),
    await add(ids.embassyCall, null, ids.cdd, '2019-12-31'),
    await add(ids.riceFair, ids.rice, ids.cdd, '2020-06-30'),
    await add(ids.riceFair, ids.rice, ids.alibaba, '2020-01-15'),
  ];
  expect(await api.app.get(ReadYourWrites).waitFor(last, 10_000)).toBe(true);
});

afterAll(async () => {
  await api?.close();
});

/** Soonest due first, undated last, the id breaking ties: the order the query promises. */
function listed(rows: Seeded[]): string[] {
  const key = (row: Seeded) => row.dueOn ?? '9999-99-99';
  return [...rows].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id < b.id ? -1 : 1)).map((row) => row.id);
}

const LIST = `query ($filter: FollowUpFilter, $first: Int, $after: String) {
  followUps(filter: $filter, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id dueOn status owner { id } program { id } } }
  }
}`;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; dueOn: string | null; status: string; owner: { id: string } | null; program: { id: string } | null } }[];
}

async function page(filter: Record<string, unknown> | null, first?: number, after?: string | null): Promise<Page> {
  return dataOf(await diplomat(LIST, { filter, first, after })).followUps;
}

const idsOf = (result: Page) => result.edges.map((edge) => edge.node.id);

describe('followUps across programs', () => {
  it('lists every follow-up, soonest due first, undated last, ties by id', async () => {
    const all = await page(null, 100);
    expect(idsOf(all)).toEqual(listed(seeded));
    expect(all.totalCount).toBe(seeded.length);
    expect(all.pageInfo.hasNextPage).toBe(false);
    const dues = all.edges.map((edge) => edge.node.dueOn);
    expect(dues.slice(-2)).toEqual([null, null]);
  });

  it('shows the program of each follow-up, and none for one on an activity outside any program', async () => {
    const byId = new Map((await page(null, 100)).edges.map((edge) => [edge.node.id, edge.node]));
    for (const row of seeded) expect(byId.get(row.id)?.program).toEqual(row.programId === null ? null : { id: row.programId });
  });

  describe('filtered by one criterion', () => {
    it.each(['OPEN', 'DONE', 'DROPPED'] as const)('by status %s', async (status) => {
      const result = await page({ status }, 100);
      const expected = listed(seeded.filter((row) => row.status === status));
      expect(idsOf(result)).toEqual(expected);
      expect(result.totalCount).toBe(expected.length);
      expect(expected.length).toBeGreaterThan(0);
    });

    it('by owner', async () => {
      const result = await page({ ownerId: ids.lazada }, 100);
      expect(idsOf(result)).toEqual(listed(seeded.filter((row) => row.ownerId === ids.lazada)));
      expect(result.totalCount).toBe(3);
    });

    it('by program', async () => {
      const result = await page({ programId: ids.rice }, 100);
      expect(idsOf(result)).toEqual(listed(seeded.filter((row) => row.programId === ids.rice)));
      expect(result.totalCount).toBe(4);
    });

    it('by dueBy: the open ones due on or before that day, never a closed or undated one', async () => {
      const result = await page({ dueBy: '2020-01-31' }, 100);
      const expected = listed(seeded.filter((row) => row.status === 'OPEN' && row.dueOn !== null && row.dueOn <= '2020-01-31'));
      expect(idsOf(result)).toEqual(expected);
      expect(result.edges.map((edge) => edge.node.dueOn)).toEqual(['2019-12-31', '2020-01-15', '2020-01-15']);
      expect(result.totalCount).toBe(3);
    });
  });

  describe('overdue, as a client asks for it: dueBy its own today', () => {
    it('includes what is due today itself, not what is due tomorrow', async () => {
      const today = '2020-01-15';
      const overdue = await page({ dueBy: today }, 100);
      expect(overdue.edges.map((edge) => [edge.node.dueOn, edge.node.status])).toEqual([
        ['2019-12-31', 'OPEN'],
        ['2020-01-15', 'OPEN'],
        ['2020-01-15', 'OPEN'],
      ]);
      expect(idsOf(await page({ dueBy: '2020-01-14' }, 100))).toEqual([seeded[6].id]);
    });

    it('takes the day written the Thai way', async () => {
      expect(idsOf(await page({ dueBy: '15/01/2563' }, 100))).toEqual(idsOf(await page({ dueBy: '2020-01-15' }, 100)));
    });

    it('drops a follow-up from the overdue list once it is done', async () => {
      const [before] = idsOf(await page({ dueBy: '2019-12-31' }, 100));
      expect(before).toBe(seeded[6].id);
      const followUpId = await send(new AddFollowUp({ activityId: ids.embassyCall, description: 'call back', dueOn: '2019-12-20' }, ctx));
      // The later tests list everything: this one is part of it from now on.
      seeded.push({ id: followUpId, dueOn: '2019-12-20', status: 'DONE', ownerId: null, programId: null });
      expect(await api.app.get(ReadYourWrites).waitFor(last, 10_000)).toBe(true);
      expect(idsOf(await page({ dueBy: '2019-12-31' }, 100))).toEqual([followUpId, seeded[6].id]);
      await send(new CloseFollowUp({ id: followUpId, status: 'DONE' }, ctx));
      expect(await api.app.get(ReadYourWrites).waitFor(last, 10_000)).toBe(true);
      expect(idsOf(await page({ dueBy: '2019-12-31' }, 100))).toEqual([seeded[6].id]);
    });
  });

  describe('filtered by several criteria', () => {
    it('by program, owner and status together', async () => {
      const result = await page({ programId: ids.otop, ownerId: ids.lazada, status: 'OPEN' }, 100);
      expect(idsOf(result)).toEqual([seeded[0].id]);
      expect(result.totalCount).toBe(1);
    });

    it('by program and dueBy: the program\'s overdue ones', async () => {
      const result = await page({ programId: ids.rice, dueBy: '2020-06-30' }, 100);
      expect(idsOf(result)).toEqual(listed([seeded[8], seeded[3], seeded[7]]));
      expect(result.edges.map((edge) => edge.node.dueOn)).toEqual(['2020-01-15', '2020-02-01', '2020-06-30']);
    });

    it('by owner and status', async () => {
      expect(idsOf(await page({ ownerId: ids.lazada, status: 'DONE' }, 100))).toEqual([seeded[2].id]);
    });

    it('finds nothing for dueBy with a closed status: only open follow-ups are due', async () => {
      const result = await page({ status: 'DONE', dueBy: '2030-01-01' }, 100);
      expect(result).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    });
  });

  describe('paged', () => {
    it('walks every follow-up a page at a time, through the undated ones, counting all on each page', async () => {
      for (const size of [1, 3]) {
        const walked: string[] = [];
        let after: string | null = null;
        let pages = 0;
        for (;;) {
          const result: Page = await page(null, size, after);
          expect(result.totalCount).toBe(seeded.length);
          expect(result.edges.length).toBeLessThanOrEqual(size);
          walked.push(...idsOf(result));
          pages += 1;
          if (!result.pageInfo.hasNextPage) break;
          after = result.pageInfo.endCursor;
          expect(pages).toBeLessThan(20);
        }
        expect(walked).toEqual(listed(seeded));
        expect(pages).toBe(Math.ceil(seeded.length / size));
      }
    });

    it('pages a filtered list, keeping the filter', async () => {
      const first = await page({ status: 'OPEN' }, 2);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = await page({ status: 'OPEN' }, 100, first.pageInfo.endCursor);
      expect([...idsOf(first), ...idsOf(rest)]).toEqual(listed(seeded.filter((row) => row.status === 'OPEN')));
      expect(rest.pageInfo.hasNextPage).toBe(false);
      expect(rest.totalCount).toBe(first.totalCount);
    });
  });

  describe('with ids that name nothing', () => {
    it('gives an empty list for a program that does not exist', async () => {
      const result = await page({ programId: '99999999-0000-4000-8000-000000000000' }, 10);
      expect(result).toEqual({ totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] });
    });

    it('gives an empty list for an id that is no UUID at all', async () => {
      expect((await page({ programId: 'otop' }, 10)).totalCount).toBe(0);
      expect((await page({ ownerId: 'lazada' }, 10)).totalCount).toBe(0);
    });
  });

  describe('refusing bad page arguments', () => {
    it.each([
      ['garbage', 'not a cursor!'],
      ['a cursor of another shape', encodeCursor(['2020-01-15'])],
      ['a keyset whose id is no UUID', encodeCursor(['2020-01-15', 'x'])],
    ])('refuses %s as after with BAD_USER_INPUT', async (_case, after) => {
      const body = await diplomat(LIST, { filter: null, first: 5, after });
      expect(codesOf(body)).toEqual(['BAD_USER_INPUT']);
      expect(body.errors?.[0].extensions?.argument).toBe('after');
    });

    it('refuses more than 100 a page with BAD_USER_INPUT', async () => {
      expect(codesOf(await diplomat(LIST, { first: 101 }))).toEqual(['BAD_USER_INPUT']);
    });
  });

  describe('in PostgreSQL', () => {
    /** The plan of the page query the handler sends for `filter`, with sequential scans and sorts priced out. */
    async function planFor(filter: Record<string, unknown> | null, after: string | null): Promise<string> {
      const log = api.app.get(ReadDatabase).queryLog;
      const sent: { sql: string; parameters: unknown[] }[] = [];
      const spy = jest.spyOn(log, 'logQuery').mockImplementation((sql: string, parameters?: unknown[]) => {
        sent.push({ sql, parameters: parameters ?? [] });
      });
      try {
        await page(filter, 5, after);
      } finally {
        spy.mockRestore();
      }
      const pageQuery = sent.find((statement) => /order by/i.test(statement.sql));
      if (!pageQuery) throw new Error(`no page query among ${JSON.stringify(sent)}`);
      const client = await api.database.pool.connect();
      try {
        await client.query('begin');
        // A few rows make a sequential scan cheapest; priced out, an index is taken if one fits.
        await client.query('set local enable_seqscan = off');
        await client.query('set local enable_sort = off');
        const { rows } = await client.query(`explain ${pageQuery.sql}`, pageQuery.parameters);
        return rows.map((row: { 'QUERY PLAN': string }) => row['QUERY PLAN']).join('\n');
      } finally {
        await client.query('rollback');
        client.release();
      }
    }

    const next = encodeCursor(['2020-01-15', '20000000-0000-4000-8000-000000000001']);
    it.each([
      ['the unfiltered list', null, null, 'follow_ups_due'],
      ['a later page of it', null, next, 'follow_ups_due'],
      ['a status', { status: 'OPEN' }, null, 'follow_ups_status_due'],
      ['dueBy', { dueBy: '2020-01-31' }, null, 'follow_ups_status_due'],
      ['an owner', { ownerId: '10000000-0000-4000-8000-000000000007' }, null, 'follow_ups_owner_due'],
      ['a program, a page on', { programId: '20000000-0000-4000-8000-000000000001' }, next, 'follow_ups_program_due'],
    ])('answers %s from an index in due order, with no scan of the table or sort', async (_case, filter, after, index) => {
      const plan = await planFor(filter, after);
      expect(plan).toContain(index);
      expect(plan).not.toMatch(/Seq Scan|Sort/);
    });
  });

  describe('with each follow-up\'s program', () => {
    it('sends the same number of SQL statements for follow-ups of 2 programs or of 7 (no N+1)', async () => {
      const QUERY = `query ($o: ID) { followUps(filter: { ownerId: $o }, first: 100) { edges { node { program { id title { en } } owner { id } activity { id } } } } }`;
      const statementsFor = async () => {
        const log = api.app.get(ReadDatabase).queryLog;
        const before = log.statements;
        const data = dataOf(await diplomat(QUERY, { o: ids.cdd }));
        return { statements: log.statements - before, followUps: data.followUps.edges.map((edge: any) => edge.node) };
      };
      const few = await statementsFor();
      expect(new Set(few.followUps.map((node: any) => node.program?.id ?? null))).toEqual(new Set([ids.otop, ids.rice, null]));

      for (let p = 0; p < 5; p += 1) {
        const programId = await send(new LaunchProgram({ title: { en: `Program ${p}` }, status: 'ACTIVE' }, ctx));
        const activityId = await send(new LogActivity({ programId, kind: 'MEETING', title: { en: `Meeting ${p}` }, startsOn: '2020-01-01' }, ctx));
        await send(new AddFollowUp({ activityId, description: `Follow-up ${p}`, ownerId: ids.cdd, dueOn: '2020-05-01' }, ctx));
      }
      expect(await api.app.get(ReadYourWrites).waitFor(last, 10_000)).toBe(true);

      const many = await statementsFor();
      expect(many.followUps).toHaveLength(few.followUps.length + 5);
      expect(many.followUps.filter((node: any) => node.program?.title.en.startsWith('Program '))).toHaveLength(5);
      expect(many.statements).toBe(few.statements);
    });
  });
});
