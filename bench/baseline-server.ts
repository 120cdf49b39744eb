/**
 * The baselines of the api bench: a bare node:http server, in the api's process and on the
 * api's own pg pools, doing by hand what a GraphQL operation does through NestJS, Apollo,
 * auth, the buses, DataLoader and TypeORM:
 *
 *   POST /program  {"id"}    the rows of PROGRAM_QUERY (program, its first 50 activities and
 *                            their count, organisers and their parents, participants'
 *                            organisations, follow-ups and owners, outcomes, totals) in 7 SQL
 *                            statements, answered as the same JSON, byte for byte
 *                            (api.bench.ts checks that before measuring);
 *   POST /insert   {...}     one single-row INSERT of the request's JSON.
 */
import { READ_MODEL_SCHEMA } from '@tracker/read-model';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';

/** The read the api bench measures: a program page as a planner's screen would ask for it. */
export const PROGRAM_QUERY = `query ProgramPage($id: ID!) {
  program(id: $id) {
    id
    title { th en }
    status
    startedOn
    partners { role organization { id name { th en } } }
    activities(first: 50) {
      totalCount
      edges { node {
        id kind title { th en } startsOn endsOn
        location { venue city country }
        organizers { id name { th en } parent { id name { en } } }
        participants { name { en } position { en } organization { id name { th en } } }
        topics
        followUps { id description status dueOn owner { id name { en } } }
        outcomes { id kind amount currency quantity }
      } }
    }
    totals { kind currency amount quantity }
  }
}`;

export const RAW_WRITES_TABLE = 'bench_raw_writes';

type Text = { th?: string | null; en?: string | null; zh?: string | null } | null;
type OrganizationRow = { id: string; name: Text; parent_id: string | null };

const S = READ_MODEL_SCHEMA;

/** Statements run together where they do not depend on each other, as a careful hand-written handler would. */
async function programJson(pool: Pool, id: string): Promise<string> {
  const [programs, activities, counts, totals] = await Promise.all([
    pool.query(`select id, title, status, started_on, partners from ${S}.programs where id = $1`, [id]),
    pool.query(
      `select id, kind, title, starts_on, ends_on, location, organizer_ids, participants, topics
         from ${S}.activities where program_id = $1 order by starts_on, id limit 50`,
      [id],
    ),
    pool.query(`select count(*)::int as count from ${S}.activities where program_id = $1`, [id]),
    pool.query(
      `select kind, currency, sum(amount)::text as amount, null::int as quantity
         from ${S}.outcomes where program_id = $1 and amount is not null group by kind, currency
       union all
       select kind, null, null, sum(quantity)::int from ${S}.outcomes where program_id = $1 and quantity is not null group by kind
       order by kind, currency nulls last`,
      [id],
    ),
  ]);
  const program = programs.rows[0];
  if (!program) return '{"data":{"program":null}}';
  const activityIds = activities.rows.map((row) => row.id);
  const [followUps, outcomes] = await Promise.all([
    pool.query(
      `select id, activity_id, description, status, due_on, owner_id from ${S}.follow_ups
        where activity_id = any($1::uuid[]) order by created_at, id`,
      [activityIds],
    ),
    pool.query(
      `select id, activity_id, kind, amount, currency, quantity from ${S}.outcomes
        where activity_id = any($1::uuid[]) order by created_at, id`,
      [activityIds],
    ),
  ]);
  const wanted = new Set<string>(program.partners.map((partner: { organizationId: string }) => partner.organizationId));
  for (const activity of activities.rows) {
    for (const organizer of activity.organizer_ids) wanted.add(organizer);
    for (const participant of activity.participants) if (participant.organizationId) wanted.add(participant.organizationId);
  }
  for (const followUp of followUps.rows) if (followUp.owner_id) wanted.add(followUp.owner_id);
  // The organisations named, and their parents, in one statement.
  const organizations = await pool.query<OrganizationRow>(
    `select id, name, parent_id from ${S}.organizations
      where id = any($1::uuid[]) or id in (select parent_id from ${S}.organizations where id = any($1::uuid[]))`,
    [[...wanted]],
  );
  const byId = new Map(organizations.rows.map((row) => [row.id, row]));
  const text = (value: Text, keys: readonly ('th' | 'en')[]) => Object.fromEntries(keys.map((key) => [key, value?.[key] ?? null]));
  const thEn = ['th', 'en'] as const;
  const en = ['en'] as const;
  const followUpsOf = groupBy(followUps.rows, (row) => row.activity_id);
  const outcomesOf = groupBy(outcomes.rows, (row) => row.activity_id);

  const data = {
    program: {
      id: program.id,
      title: text(program.title, thEn),
      status: program.status,
      startedOn: program.started_on,
      partners: program.partners.map((partner: { organizationId: string; role: string }) => {
        const organization = byId.get(partner.organizationId)!;
        return { role: partner.role, organization: { id: organization.id, name: text(organization.name, thEn) } };
      }),
      activities: {
        totalCount: counts.rows[0].count,
        edges: activities.rows.map((row) => ({
          node: {
            id: row.id,
            kind: row.kind,
            title: text(row.title, thEn),
            startsOn: row.starts_on,
            endsOn: row.ends_on,
            location: row.location && { venue: row.location.venue ?? null, city: row.location.city ?? null, country: row.location.country ?? null },
            organizers: (row.organizer_ids as string[])
              .map((organizerId) => byId.get(organizerId))
              .filter((organization) => organization !== undefined)
              .map((organization) => {
                const parent = organization.parent_id ? byId.get(organization.parent_id) : undefined;
                return {
                  id: organization.id,
                  name: text(organization.name, thEn),
                  parent: parent ? { id: parent.id, name: text(parent.name, en) } : null,
                };
              }),
            participants: (row.participants as { name: Text; position: Text; organizationId: string | null }[]).map((participant) => {
              const organization = participant.organizationId ? byId.get(participant.organizationId) : undefined;
              return {
                name: text(participant.name, en),
                position: participant.position ? text(participant.position, en) : null,
                organization: organization ? { id: organization.id, name: text(organization.name, thEn) } : null,
              };
            }),
            topics: row.topics,
            followUps: (followUpsOf.get(row.id) ?? []).map((followUp) => {
              const owner = followUp.owner_id ? byId.get(followUp.owner_id) : undefined;
              return {
                id: followUp.id,
                description: followUp.description,
                status: followUp.status,
                dueOn: followUp.due_on,
                owner: owner ? { id: owner.id, name: text(owner.name, en) } : null,
              };
            }),
            outcomes: (outcomesOf.get(row.id) ?? []).map((outcome) => ({
              id: outcome.id,
              kind: outcome.kind,
              amount: outcome.amount,
              currency: outcome.currency,
              quantity: outcome.quantity,
            })),
          },
        })),
      },
      totals: totals.rows.map((row) => ({ kind: row.kind, currency: row.currency, amount: row.amount, quantity: row.quantity })),
    },
  };
  return JSON.stringify({ data });
}

function groupBy<T>(rows: T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export interface BaselineServer {
  url: string;
  close(): Promise<void>;
}

/** `readPool`: the pool the api's read side queries on; `writePool`: the one its event store appends on. */
export async function startBaselineServer(readPool: Pool, writePool: Pool): Promise<BaselineServer> {
  await writePool.query(`create table if not exists ${RAW_WRITES_TABLE} (id bigserial primary key, data jsonb not null)`);
  const server: Server = createServer(async (req, res) => {
    try {
      const body = JSON.parse(await readBody(req)) as Record<string, unknown>;
      let answer: string;
      if (req.method === 'POST' && req.url === '/program') {
        answer = await programJson(readPool, String(body.id));
      } else if (req.method === 'POST' && req.url === '/insert') {
        const { rows } = await writePool.query<{ id: string }>(`insert into ${RAW_WRITES_TABLE} (data) values ($1) returning id`, [body]);
        answer = JSON.stringify({ data: { insert: { id: rows[0].id } } });
      } else {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(answer) }).end(answer);
    } catch (error) {
      const answer = JSON.stringify({ errors: [{ message: (error as Error).message }] });
      res.writeHead(500, { 'content-type': 'application/json' }).end(answer);
    }
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
