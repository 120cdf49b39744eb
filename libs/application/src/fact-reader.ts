import {
  activityDecider,
  fold,
  OrganizationMergedError,
  organizationDecider,
  programDecider,
  streamIdFor,
  upcast,
  type ActivityEvent,
  type ActivityState,
  type Decider,
  type OrganizationEvent,
  type OrganizationState,
  type ParentFacts,
  type ProgramEvent,
  type ProgramState,
  type TrackerEvent,
} from '@tracker/domain';
import type { EventStore, Position, StoredEvent } from '@tracker/event-store';

/** A stored event in the shape the deciders fold (old schema versions upcast). */
export const toTrackerEvent = (event: StoredEvent): TrackerEvent => upcast(event.type, event.schemaVersion, event.data);

/** Organisations form a tree; a walk up longer than this means corrupt data, not a deep tree. */
const MAX_ANCESTORS = 100;

/**
 * Reads the facts a command needs about other aggregates: their streams, folded with their
 * deciders. With `asOf`, only events stored before that position count: a retried command is
 * checked against the world as its first attempt saw it.
 *
 * Ids come from user input and are only read here; the decider validates them. Anything that
 * cannot be a stored id (not a string, blank, with a NUL) reads as "does not exist".
 */
export class FactReader {
  constructor(
    private readonly store: EventStore,
    private readonly asOf?: Position,
  ) {}

  /**
   * Which of `ids` are registered organisations, trimmed as the deciders trim them. An id of
   * an organisation merged into another is refused here (OrganizationMergedError, CONFLICT
   * naming the survivor): every command that names organisations asks this or `parent`, so
   * none can name a duplicate once it is merged.
   */
  async knownOrganizationIds(ids: readonly unknown[]): Promise<string[]> {
    const candidates = [...new Set(ids.map(readableId).filter((id): id is string => id !== null))];
    const found = await Promise.all(
      candidates.map(async (id) => {
        const state = await this.organization(id);
        if (!state.exists) return null;
        await this.refuseMerged(id, state);
        return id;
      }),
    );
    return found.filter((id): id is string => id !== null);
  }

  /**
   * Whether the parent exists, and its ancestors' ids, nearest first. A parent merged into
   * another is refused (OrganizationMergedError). An ancestor merged since counts as its
   * survivor, as readers show the tree, so a cycle is seen where readers would see one.
   */
  async parent(parentId: unknown): Promise<ParentFacts> {
    const id = readableId(parentId);
    let state = id === null ? ({ exists: false } as const) : await this.organization(id);
    if (id === null || !state.exists) return { exists: false };
    await this.refuseMerged(id, state);
    const ancestorIds: string[] = [];
    while (state.exists && state.parentId !== null && ancestorIds.length < MAX_ANCESTORS) {
      const ancestor = await this.current(state.parentId);
      if (ancestorIds.includes(ancestor.id)) break;
      ancestorIds.push(ancestor.id);
      state = ancestor.state;
    }
    return { exists: true, ancestorIds };
  }

  /** The program's folded state; a ProgramState is a valid ProgramFacts. */
  async program(programId: unknown): Promise<ProgramState> {
    const id = readableId(programId);
    return id === null ? programDecider.initialState : this.stateOf(programDecider, streamIdFor.program(id));
  }

  /** The activity's folded state; an ActivityState is a valid ActivityFacts. */
  async activity(activityId: unknown): Promise<ActivityState> {
    const id = readableId(activityId);
    return id === null ? activityDecider.initialState : this.stateOf(activityDecider, streamIdFor.activity(id));
  }

  private organization(id: string): Promise<OrganizationState> {
    return this.stateOf(organizationDecider, streamIdFor.organization(id));
  }

  /**
   * The program's partner entries recorded under duplicates since merged into
   * `organizationId` (a partner added as "Lazada Thailand" before the merge is Lazada's entry
   * now): they leave with it.
   */
  async mergedPartnerEntries(program: ProgramState, organizationId: string): Promise<string[]> {
    const id = readableId(organizationId);
    if (id === null || !program.exists) return [];
    const entries: string[] = [];
    for (const partnerId of Object.keys(program.partners)) {
      if (partnerId !== id && (await this.current(partnerId)).id === id) entries.push(partnerId);
    }
    return entries;
  }

  /** The organisation `id` stands for now: itself, or the survivor at the end of its merges. */
  private async current(id: string): Promise<{ id: string; state: OrganizationState }> {
    let current = { id, state: await this.organization(id) };
    const seen = new Set([id]);
    while (current.state.exists && current.state.mergedInto !== null && seen.size < MAX_ANCESTORS) {
      const next = current.state.mergedInto;
      if (seen.has(next)) break;
      seen.add(next);
      current = { id: next, state: await this.organization(next) };
    }
    return current;
  }

  /** Refuses a merged organisation, naming where it went (the last survivor, if it went on). */
  private async refuseMerged(id: string, state: OrganizationState): Promise<void> {
    if (state.exists && state.mergedInto !== null) throw new OrganizationMergedError(id, (await this.current(id)).id);
  }

  private async stateOf<S, E extends OrganizationEvent | ProgramEvent | ActivityEvent>(
    decider: Pick<Decider<unknown, E, S>, 'initialState' | 'evolve'>,
    streamId: string,
  ): Promise<S> {
    const stored = await this.store.readStream(streamId);
    const seen = this.asOf === undefined ? stored : stored.filter((event) => event.position < (this.asOf as Position));
    // A stream holds one aggregate's events (streamIdFor sees to it), hence the cast.
    return fold(decider, seen.map(toTrackerEvent) as E[]);
  }
}

/** The id as the deciders will read it (trimmed), or null where no stream could bear it. */
export function readableId(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const id = value.trim();
  return id === '' || id.length > 100 || /[\s\u0000]/.test(id) ? null : id;
}
