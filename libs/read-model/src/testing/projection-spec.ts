import { assertNever, eventSchemaVersions, streamIdFor, type EventType, type TrackerEvent } from '@tracker/domain';
import { toProjectedEvent, type ProjectedEvent, type Projection } from '../projection';
import { MemoryRowStore, type Row } from '../row-store';

/**
 * Projection specs: Given events / When event / Then rows (after emmett's projection specs).
 *
 *   const spec = projectionSpec(organizationsProjection);
 *
 *   spec('takes the new name when the organisation is renamed')
 *     .given(registered)                    // stored(event, { position: 1 })
 *     .when(renamed)                        // optional; stored(event, { position: 2, version: 2 })
 *     .then({ organizations: [{ id, name, ..., ...bookkeeping({ version: 2, created: 1, last: 2 }) }] });
 *
 * A spec is a value, not a test: each runner (projections.memory.unit.spec.ts and
 * projections.postgres.int.spec.ts) runs the whole list on its backend. One set of cases then
 * proves that the auditor's in-memory rows and the projector's PostgreSQL rows agree.
 *
 * `then` is exact: it lists every row of every table the projection owns, in any order, with
 * every column; a table it leaves out must be empty.
 */
export interface ProjectionSpecCase {
  projection: Projection;
  name: string;
  given: readonly ProjectedEvent[];
  when: readonly ProjectedEvent[];
  then: ExpectedRows;
}

/** Rows by table name. */
export type ExpectedRows = Readonly<Record<string, readonly Row[]>>;

export function projectionSpec(projection: Projection) {
  return (name: string) => ({
    given(...given: ProjectedEvent[]) {
      const then = (when: ProjectedEvent[]) => (rows: ExpectedRows): ProjectionSpecCase => ({ projection, name, given, when, then: rows });
      return { when: (...when: ProjectedEvent[]) => ({ then: then(when) }), then: then([]) };
    },
  });
}

/** Where an event sits in the log. `version` is its place in its own stream (1 when omitted). */
export interface StoredAt {
  position: number;
  version?: number;
  /** Only for an event that must land in another stream than its aggregate's. */
  streamId?: string;
}

/**
 * `event` as the projector receives it: stored at `position`, recorded at recordedAt(position),
 * read back through the upcasters with its data parsed from JSON (so a projection never
 * holds the fixture object the expected rows are built from).
 */
export function stored(event: TrackerEvent, at: StoredAt): ProjectedEvent {
  return storedOldShape(eventSchemaVersions[event.type], event, at);
}

/** As `stored`, for an event still in an older schema version's shape (it goes through its upcaster). */
export function storedOldShape(schemaVersion: number, event: { type: EventType; data: object }, at: StoredAt): ProjectedEvent {
  return toProjectedEvent({
    position: BigInt(at.position),
    streamId: at.streamId ?? streamOf(event as TrackerEvent),
    streamVersion: at.version ?? 1,
    recordedAt: new Date(recordedAt(at.position)),
    type: event.type,
    schemaVersion,
    data: JSON.parse(JSON.stringify(event.data)),
  });
}

const FIRST_RECORDED = Date.parse('2019-12-16T03:00:00.000Z');

/** When the event at `position` was recorded: one minute per position after 16 Dec 2019, 10:00 in Bangkok. */
export function recordedAt(position: number): string {
  return new Date(FIRST_RECORDED + position * 60_000).toISOString();
}

/** The bookkeeping columns of a row created by the event at position `created` and last changed by the one at `last`. */
export function bookkeeping(at: { version: number; created: number; last: number }) {
  return { version: at.version, created_at: recordedAt(at.created), updated_at: recordedAt(at.last), last_position: String(at.last) };
}

/** The stream the command side appends each event to (tracker.streams.ts). */
function streamOf(event: TrackerEvent): string {
  switch (event.type) {
    case 'OrganizationRegistered':
    case 'OrganizationRenamed':
    case 'OrganizationUpdated':
    case 'OrganizationMerged':
      return streamIdFor.organization(event.data.organizationId);
    case 'ProgramLaunched':
    case 'ProgramPartnerAdded':
    case 'ProgramStatusChanged':
    case 'ProgramCorrected':
    case 'ProgramPartnerRemoved':
      return streamIdFor.program(event.data.programId);
    case 'AgreementRecorded':
    case 'AgreementSigned':
    case 'AgreementAmended':
    case 'AgreementTerminated':
      return streamIdFor.agreement(event.data.agreementId);
    case 'ActivityLogged':
    case 'ActivityCorrected':
    case 'ActivityCancelled':
      return streamIdFor.activity(event.data.activityId);
    case 'OutcomeRecorded':
    case 'OutcomeCorrected':
    case 'OutcomeVoided':
      return streamIdFor.outcome(event.data.outcomeId);
    case 'FollowUpAdded':
    case 'FollowUpClosed':
    case 'FollowUpUpdated':
    case 'FollowUpReopened':
      return streamIdFor.followUp(event.data.followUpId);
    default:
      return assertNever(event);
  }
}

/** Where a spec's events are applied: the in-memory row store, or PostgreSQL's batch store. */
export interface ProjectionSpecBackend {
  /**
   * Applies each batch in turn (the given events, then the when events) to the projection's
   * tables, emptied first, and reads back every row of them.
   */
  run(projection: Projection, batches: readonly (readonly ProjectedEvent[])[]): Promise<Record<string, Row[]>>;
}

/** The auditor's as-of view keeps rows like this (libs/audit/src/program-as-of.ts). */
export const memoryRowStoreBackend: ProjectionSpecBackend = {
  async run(projection, batches) {
    const rows = new MemoryRowStore(projection.tables);
    for (const event of batches.flat()) projection.apply(event, rows);
    return Object.fromEntries(projection.tables.map(({ name }) => [name, rows.rows(name)]));
  },
};

/** One describe per projection, one test per spec, all on `backend`. */
export function runProjectionSpecs(backend: ProjectionSpecBackend, specs: readonly ProjectionSpecCase[]): void {
  const byProjection = new Map<string, ProjectionSpecCase[]>();
  for (const spec of specs) byProjection.set(spec.projection.name, [...(byProjection.get(spec.projection.name) ?? []), spec]);
  for (const [name, cases] of byProjection) {
    describe(`the ${name} projection`, () => {
      for (const spec of cases) it(spec.name, () => verifyProjectionSpec(backend, spec));
    });
  }
}

/** Runs one spec on `backend` and fails unless the rows are exactly those `then` lists. */
export async function verifyProjectionSpec(backend: ProjectionSpecBackend, spec: ProjectionSpecCase): Promise<void> {
  const { projection } = spec;
  const owned = projection.tables.map((table) => table.name);
  const strangers = Object.keys(spec.then).filter((table) => !owned.includes(table));
  if (strangers.length > 0) throw new Error(`then() names ${strangers.join(', ')}: ${projection.name} owns ${owned.join(', ')}`);
  const actual = await backend.run(projection, [spec.given, spec.when]);
  expect(sorted(projection, actual)).toEqual(sorted(projection, spec.then));
}

/**
 * Every owned table, its rows in one order (by key, or by content for an insert-only table),
 * so the comparison ignores the order rows come back in but a diff still pairs them up.
 */
function sorted(projection: Projection, rows: ExpectedRows): Record<string, Row[]> {
  return Object.fromEntries(
    projection.tables.map(({ name, key }) => {
      const sortKey = (row: Row) => (key ? String(row[key]) : canonical(row));
      return [name, [...(rows[name] ?? [])].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0))];
    }),
  );
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}
