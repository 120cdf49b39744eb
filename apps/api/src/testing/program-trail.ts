import { dataOf, type Caller } from './graphql-caller';

/** One event of programHistory, with what the correction tests look at. */
export interface TrailEvent {
  streamId: string;
  version: number;
  type: string;
  recordedAt: string;
  occurredOn: string | null;
  actor: string;
  data: Record<string, any>;
}

const HISTORY = `
  query Trail($programId: ID!, $after: String) {
    programHistory(programId: $programId, first: 100, after: $after) {
      pageInfo { hasNextPage endCursor }
      edges { node { streamId version type recordedAt occurredOn actor data } }
    }
  }`;

/** The program's whole history, every page, as `caller` (who must be allowed the audit trail). */
export async function programTrail(caller: Caller, programId: string): Promise<TrailEvent[]> {
  const events: TrailEvent[] = [];
  let after: string | null = null;
  do {
    const page: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: TrailEvent }[] } = dataOf(
      await caller(HISTORY, { programId, after }),
    ).programHistory;
    events.push(...page.edges.map((edge) => edge.node));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null);
  return events;
}

/**
 * The instant just before `event` was recorded, as programAsOf takes it: the recording time of
 * the program's event before it (inclusive). Throws when the two share a millisecond, where
 * no instant lies between them and a test would prove nothing.
 */
export function instantBefore(trail: readonly TrailEvent[], event: TrailEvent): string {
  const index = trail.indexOf(event);
  if (index <= 0) throw new Error(`${event.type} has no event before it in the program's history`);
  const previous = trail[index - 1];
  if (Date.parse(previous.recordedAt) >= Date.parse(event.recordedAt)) {
    throw new Error(`${previous.type} and ${event.type} were recorded in the same millisecond`);
  }
  return previous.recordedAt;
}

/** `selection` of the program as it was known at `asOf`. */
export async function programAsOf(caller: Caller, programId: string, asOf: string, selection: string): Promise<Record<string, any> | null> {
  const query = `query AsOf($programId: ID!, $asOf: DateTime!) { programAsOf(programId: $programId, asOf: $asOf) ${selection} }`;
  return dataOf(await caller(query, { programId, asOf })).programAsOf;
}
