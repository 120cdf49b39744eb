import { streamIdFor, type ActivityCorrected, type ActivityLogged, type TrackerEvent } from '@tracker/domain';
import { InMemoryEventStore } from '@tracker/event-store';
import { programAsOf } from './program-as-of';
import { ProgramMembership } from './program-history.feed';
import { appendTracker, MemoryProgramIndex, story, storyIds, TestClock, type StoryIds } from './testing';

/**
 * Corrections as the auditor's views see them: a meeting logged a month early and corrected,
 * then moved to another program and cancelled there; the fair's revenue entered twice and the
 * second entry voided. Recorded on 17 Dec 2019 (the story), 10 Jan 2020 (the date correction
 * and the void), 20 Jan 2020 (the move) and 25 Jan 2020 (the cancellation).
 */
const LOGGED = '2019-12-17T02:00:00Z';
const CORRECTED = '2020-01-10T03:00:00Z';
const MOVED = '2020-01-20T03:00:00Z';
const CANCELLED = '2020-01-25T03:00:00Z';
const LATER = '2030-01-01T00:00:00Z';

describe('programAsOf with corrections, moves, cancellations and voids', () => {
  let ids: StoryIds;
  let other: StoryIds;
  let store: InMemoryEventStore;
  let index: MemoryProgramIndex;
  const clock = new TestClock(new Date(LOGGED));
  const asOf = (programId: string, at: string, occurredBy?: string) =>
    programAsOf({ source: index, store }, programId, { asOf: new Date(at), occurredBy });
  const duplicateRevenue = () => ({ ...ids, revenue: other.revenue });

  const meeting = (): ActivityLogged => story.activity(ids, 'meeting', '2019-11-16')[1][0] as ActivityLogged;
  const corrected = (data: Partial<ActivityCorrected['data']>): TrackerEvent => ({
    type: 'ActivityCorrected',
    data: { ...meeting().data, previousProgramId: ids.program, reason: 'The minutes say December', changed: [], ...data },
  });

  beforeEach(async () => {
    ids = storyIds();
    other = { ...storyIds(), organization: ids.organization };
    store = new InMemoryEventStore({ clock: clock.now });
    index = new MemoryProgramIndex(store);
    clock.set(LOGGED);
    for (const [stream, events] of [
      story.organization(ids),
      story.launch(ids),
      story.activate(ids),
      story.launch(other),
      story.activate(other),
      story.activity(ids, 'fair', '2019-05-29', '2019-06-01'),
      story.revenue(ids, '10000000.00'),
      story.revenue(duplicateRevenue(), '10000000.00'),
      story.activity(ids, 'meeting', '2019-11-16'),
      story.followUp(ids),
    ]) {
      await appendTracker(store, stream, events);
    }
    clock.set(CORRECTED);
    await appendTracker(store, streamIdFor.activity(ids.meeting), [
      corrected({ startsOn: '2019-12-16', endsOn: '2019-12-16', changed: ['startsOn', 'endsOn'] }),
    ]);
    await appendTracker(store, streamIdFor.outcome(other.revenue), [
      { type: 'OutcomeVoided', data: { outcomeId: other.revenue, programId: ids.program, reason: 'Entered twice' } },
    ]);
    clock.set(MOVED);
    await appendTracker(store, streamIdFor.activity(ids.meeting), [
      corrected({ startsOn: '2019-12-16', endsOn: '2019-12-16', programId: other.program, changed: ['programId'] }),
    ]);
    clock.set(CANCELLED);
    await appendTracker(store, streamIdFor.activity(ids.meeting), [
      { type: 'ActivityCancelled', data: { activityId: ids.meeting, programId: other.program, previousStatus: 'HELD', reason: 'Postponed' } },
    ]);
    await index.catchUp();
  });

  describe('a corrected date', () => {
    it('shows the first date before the correction was recorded, and the corrected one after', async () => {
      expect((await asOf(ids.program, '2020-01-01T00:00:00Z'))!.activity(ids.meeting)?.starts_on).toBe('2019-11-16');
      expect((await asOf(ids.program, CORRECTED))!.activity(ids.meeting)).toMatchObject({ starts_on: '2019-12-16', version: 2 });
    });

    it('moves the activity in business time once the correction is known: it had not happened by 30 November', async () => {
      const before = (await asOf(ids.program, '2020-01-01T00:00:00Z', '2019-11-30'))!;
      expect(before.activities().map((a) => [a.id, a.starts_on])).toEqual([
        [ids.fair, '2019-05-29'],
        [ids.meeting, '2019-11-16'],
      ]);
      // Its follow-up was agreed at the meeting, so it moves with it.
      expect(before.followUps()).toHaveLength(1);

      const after = (await asOf(ids.program, CORRECTED, '2019-11-30'))!;
      expect(after.activities().map((a) => a.id)).toEqual([ids.fair]);
      expect(after.followUps()).toEqual([]);
      expect((await asOf(ids.program, CORRECTED, '2019-12-16'))!.activity(ids.meeting)?.starts_on).toBe('2019-12-16');
    });
  });

  describe('an activity moved to another program', () => {
    it('stays in the program it left until the move, with what happened there', async () => {
      expect((await asOf(ids.program, '2020-01-19T00:00:00Z'))!.activities().map((a) => a.id)).toEqual([ids.fair, ids.meeting]);
      const after = (await asOf(ids.program, LATER))!;
      expect(after.activities().map((a) => a.id)).toEqual([ids.fair]);
      // The follow-up was added under the first program and is credited to it still.
      expect(after.followUps()).toHaveLength(1);
    });

    it('is built in the program it joined from the moving event alone, and its cancellation follows it', async () => {
      expect((await asOf(other.program, '2020-01-19T00:00:00Z'))!.activities()).toEqual([]);
      const moved = (await asOf(other.program, MOVED))!;
      expect(moved.activities()).toEqual([
        expect.objectContaining({ id: ids.meeting, program_id: other.program, status: 'HELD', starts_on: '2019-12-16', kind: 'MEETING', version: 3 }),
      ]);
      expect((await asOf(other.program, LATER))!.activity(ids.meeting)).toMatchObject({ status: 'CANCELLED', version: 4 });
      expect((await asOf(other.program, LATER, '2019-12-16'))!.activity(ids.meeting)).toMatchObject({ status: 'CANCELLED' });
      expect((await asOf(other.program, LATER, '2019-12-15'))!.activities()).toEqual([]);
    });

    it('is in the history of both programs at the move, and of the new one only after it', async () => {
      const typesOf = async (programId: string) =>
        (await index.page(programId, { limit: 100 })).filter((e) => e.streamId === streamIdFor.activity(ids.meeting)).map((e) => [e.type, e.streamVersion]);
      expect(await typesOf(ids.program)).toEqual([
        ['ActivityLogged', 1],
        ['ActivityCorrected', 2],
        ['ActivityCorrected', 3],
      ]);
      expect(await typesOf(other.program)).toEqual([
        ['ActivityCorrected', 3],
        ['ActivityCancelled', 4],
      ]);
      expect(await index.streamIds(other.program)).toContain(streamIdFor.activity(ids.meeting));
      expect(await index.streamIds(ids.program)).not.toContain(streamIdFor.activity(ids.meeting));
    });

    it("is admitted by each program's live feed exactly as the index has it", async () => {
      const stream = await store.readStream(streamIdFor.activity(ids.meeting));
      const left = new ProgramMembership(ids.program, [], 0n);
      const joined = new ProgramMembership(other.program, [], 0n);
      expect(stream.map((event) => left.admits(event))).toEqual([true, true, true, false]);
      expect(stream.map((event) => joined.admits(event))).toEqual([false, false, true, true]);
    });
  });

  describe('a voided outcome', () => {
    it('counts twice before the void and once after, and stays listed as voided', async () => {
      const before = (await asOf(ids.program, '2020-01-01T00:00:00Z'))!;
      expect(before.totals()).toEqual([{ kind: 'REVENUE', currency: 'THB', amount: '20000000.00', quantity: null }]);
      const after = (await asOf(ids.program, CORRECTED))!;
      expect(after.totals()).toEqual([{ kind: 'REVENUE', currency: 'THB', amount: '10000000.00', quantity: null }]);
      expect(Object.fromEntries(after.outcomes().map((o) => [o.id, o.voided]))).toEqual({ [ids.revenue]: false, [other.revenue]: true });
    });

    it('is voided in business time from the day of the outcome it voids', async () => {
      expect((await asOf(ids.program, LATER, '2019-06-01'))!.totals()).toEqual([
        { kind: 'REVENUE', currency: 'THB', amount: '10000000.00', quantity: null },
      ]);
    });
  });
});
