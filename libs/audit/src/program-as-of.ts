import { streamIdFor, sumDecimals } from '@tracker/domain';
import type { EventStore, StoredEvent } from '@tracker/event-store';
import {
  MemoryRowStore,
  readModelProjections,
  toProjectedEvent,
  type ActivityRow,
  type AgreementRow,
  type FollowUpRow,
  type OrganizationRow,
  type OutcomeRow,
  type ProgramRow,
  type ProjectedEvent,
} from '@tracker/read-model';
import { BusinessDates } from './business-dates';
import { isRecordId } from './history-event';
import { eachProgramEvent, type ProgramEventSource } from './program-events.source';

export interface AsOfQuery {
  /** Recorded time: only events stored at or before this instant are replayed. */
  asOf: Date;
  /** Business time (ISO date): only what had happened by this day, by BusinessDates' rules. */
  occurredBy?: string | null;
}

export interface OutcomeTotalRow {
  kind: string;
  currency: string | null;
  amount: string | null;
  quantity: number | null;
}

/**
 * A program rebuilt from its events, as read-model rows held in memory: the same rows, made
 * by the same projections, as the projector writes to PostgreSQL, only stopped at `asOf`.
 */
export class ProgramSnapshot {
  constructor(
    readonly programId: string,
    private readonly rows: MemoryRowStore,
    readonly query: AsOfQuery,
    /** Events applied, the program's and its organisations'. */
    readonly eventsReplayed: number,
  ) {}

  program(): ProgramRow {
    return this.rows.get<ProgramRow>('programs', this.programId) as ProgramRow;
  }

  activities(): ActivityRow[] {
    return this.mine(this.rows.rows<ActivityRow>('activities')).sort(
      (a, b) => compare(a.starts_on, b.starts_on) || compare(a.id, b.id),
    );
  }

  activity(id: string): ActivityRow | undefined {
    const row = this.rows.get<ActivityRow>('activities', id);
    return row?.program_id === this.programId ? row : undefined;
  }

  agreements(): AgreementRow[] {
    return this.mine(this.rows.rows<AgreementRow>('agreements')).sort(byCreation);
  }

  outcomes(): OutcomeRow[] {
    return this.mine(this.rows.rows<OutcomeRow>('outcomes')).sort(byCreation);
  }

  followUps(): FollowUpRow[] {
    return this.mine(this.rows.rows<FollowUpRow>('follow_ups')).sort(byCreation);
  }

  /**
   * The organisation `id` stood for then: itself, or the survivor it had been merged into by
   * then (through every later merge of that one too), as the live readers resolve merges.
   */
  organization(id: string): OrganizationRow | undefined {
    let row = this.rows.get<OrganizationRow>('organizations', id);
    const seen = new Set([id]);
    while (row?.merged_into && !seen.has(row.merged_into)) {
      seen.add(row.merged_into);
      const survivor = this.rows.get<OrganizationRow>('organizations', row.merged_into);
      if (!survivor) break; // not replayed: the duplicate's own row is the best answer there is
      row = survivor;
    }
    return row;
  }

  /** The duplicates merged into `survivorId` by then, directly or through another duplicate. */
  mergedInto(survivorId: string): OrganizationRow[] {
    const all = this.rows.rows<OrganizationRow>('organizations');
    const merged: OrganizationRow[] = [];
    const survivors = [survivorId];
    for (let i = 0; i < survivors.length; i++) {
      for (const row of all) {
        if (row.merged_into === survivors[i] && !survivors.includes(row.id)) {
          merged.push(row);
          survivors.push(row.id);
        }
      }
    }
    return merged.sort((a, b) => compare(a.merged_at ?? '', b.merged_at ?? '') || compare(a.id, b.id));
  }

  /**
   * As the live read model totals them: amounts summed exactly per kind and currency (an
   * amount always has one), quantities per kind on a line with no currency; an outcome with
   * both counts on both lines; a voided outcome counts in none. Ordered by kind, then
   * currency, the quantity line last.
   */
  totals(): OutcomeTotalRow[] {
    const amounts = new Map<string, { kind: string; currency: string; amounts: string[] }>();
    const quantities = new Map<string, number>();
    for (const outcome of this.outcomes().filter((row) => !row.voided)) {
      if (outcome.amount !== null && outcome.currency !== null) {
        const key = `${outcome.kind}\u0000${outcome.currency}`;
        const line = amounts.get(key) ?? { kind: outcome.kind, currency: outcome.currency, amounts: [] };
        line.amounts.push(outcome.amount);
        amounts.set(key, line);
      }
      if (outcome.quantity !== null) quantities.set(outcome.kind, (quantities.get(outcome.kind) ?? 0) + outcome.quantity);
    }
    const lines: OutcomeTotalRow[] = [
      ...[...amounts.values()].map((line) => ({ kind: line.kind, currency: line.currency, amount: sumDecimals(line.amounts), quantity: null })),
      ...[...quantities].map(([kind, quantity]) => ({ kind, currency: null, amount: null, quantity })),
    ];
    return lines.sort(
      (a, b) => compare(a.kind, b.kind) || (a.currency === null ? 1 : 0) - (b.currency === null ? 1 : 0) || compare(a.currency ?? '', b.currency ?? ''),
    );
  }

  private mine<T extends { program_id: string | null }>(rows: T[]): T[] {
    return rows.filter((row) => row.program_id === this.programId);
  }
}

/**
 * The program as known at `asOf`: its events recorded by then (from the history index) are
 * replayed through readModelProjections, the projector's own code, into a MemoryRowStore; the
 * organisations its rows name (partners, organisers, participants, parties, owners, their
 * parents, and the survivors of those merged by then) are replayed from their streams up to
 * the same instant, so a later rename or merge does not leak into the past. A merge is
 * among the program's own events too (the history index puts it there): the projections pass
 * over it until the duplicate's stream brings it again, after the rows it changes. With
 * `occurredBy`, events whose business date (BusinessDates) falls after that day are left out
 * as well (activities dated as last corrected in the view). Null when the program did not
 * exist (yet) in that view.
 *
 * Costs the program's events plus its organisations' events; nothing else is read.
 */
export async function programAsOf(
  deps: { source: ProgramEventSource; store: EventStore },
  programId: string,
  query: AsOfQuery,
): Promise<ProgramSnapshot | null> {
  if (!isRecordId(programId)) return null;
  const rows = new MemoryRowStore(readModelProjections.flatMap((projection) => projection.tables));
  let replayed = 0;
  if (query.occurredBy) {
    // Business time needs the activities' dates as last corrected in this view before it can
    // date their first events (BusinessDates.foresee), so the program's events are held
    // in memory: a program's, not the store's.
    const occurredBy = query.occurredBy;
    const events: { event: ProjectedEvent; occurredOn: string | null }[] = [];
    const dates = new BusinessDates();
    for await (const stored of eachProgramEvent(deps.source, programId, { to: query.asOf })) {
      const event = readable(stored);
      if (!event) continue;
      dates.foresee(event);
      events.push({ event, occurredOn: stored.occurredOn });
    }
    for (const { event, occurredOn } of events) {
      if (dates.of(event, occurredOn) > occurredBy) continue;
      apply(event, rows);
      replayed++;
    }
  } else {
    for await (const stored of eachProgramEvent(deps.source, programId, { to: query.asOf })) {
      const event = readable(stored);
      if (!event) continue;
      apply(event, rows);
      replayed++;
    }
  }
  if (!rows.get('programs', programId)) return null;

  const loaded = new Set<string>();
  let wanted = referencedOrganizations(rows);
  while (wanted.size > 0) {
    for (const id of wanted) loaded.add(id);
    const streams = await Promise.all([...wanted].map((id) => deps.store.readStream(streamIdFor.organization(id))));
    const events = streams
      .flat()
      .filter((event) => event.recordedAt.getTime() <= query.asOf.getTime())
      .sort((a, b) => (a.position < b.position ? -1 : 1));
    for (const stored of events) {
      const event = readable(stored);
      if (!event) continue;
      apply(event, rows);
      replayed++;
    }
    wanted = new Set(
      [...wanted]
        .map((id) => rows.get<OrganizationRow>('organizations', id))
        .flatMap((row) => [row?.parent_id, row?.merged_into])
        .filter((id): id is string => typeof id === 'string' && !loaded.has(id)),
    );
  }
  return new ProgramSnapshot(programId, rows, query, replayed);
}

/** Every projection sees every event, in order, exactly as in a projector batch. */
function apply(event: ProjectedEvent, rows: MemoryRowStore): void {
  for (const projection of readModelProjections) projection.apply(event, rows);
}

/** Like the projector, events this code cannot read (an unknown type) are passed over. */
function readable(stored: StoredEvent): ProjectedEvent | null {
  try {
    return toProjectedEvent(stored);
  } catch {
    return null;
  }
}

function referencedOrganizations(rows: MemoryRowStore): Set<string> {
  const ids = new Set<string>();
  const add = (id: string | null | undefined) => {
    if (typeof id === 'string') ids.add(id);
  };
  for (const program of rows.rows<ProgramRow>('programs')) program.partners.forEach((partner) => add(partner.organizationId));
  for (const activity of rows.rows<ActivityRow>('activities')) {
    activity.organizer_ids.forEach(add);
    activity.participants.forEach((participant) => add(participant.organizationId));
  }
  for (const agreement of rows.rows<AgreementRow>('agreements')) agreement.party_ids.forEach(add);
  for (const followUp of rows.rows<FollowUpRow>('follow_ups')) add(followUp.owner_id);
  return ids;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byCreation(a: { created_at: string; id: string }, b: { created_at: string; id: string }): number {
  return compare(a.created_at, b.created_at) || compare(a.id, b.id);
}
