import { streamIdFor } from '@tracker/domain';
import { InMemoryEventStore } from '@tracker/event-store';
import { programAsOf } from './program-as-of';
import { appendTracker, MemoryProgramIndex, story, storyIds, TestClock, type StoryIds } from './testing';

/**
 * Recorded in three sittings: the story on 17 Dec 2019, a correction and a rename on
 * 15 Jan 2020, the follow-up closed on 1 Feb 2020.
 */
describe('programAsOf', () => {
  let ids: StoryIds;
  let store: InMemoryEventStore;
  let index: MemoryProgramIndex;
  const clock = new TestClock(new Date('2019-12-17T02:00:00Z'));
  const asOf = (at: string, occurredBy?: string) => programAsOf({ source: index, store }, ids.program, { asOf: new Date(at), occurredBy });

  beforeEach(async () => {
    ids = storyIds();
    store = new InMemoryEventStore({ clock: clock.now });
    index = new MemoryProgramIndex(store);
    clock.set('2019-12-17T02:00:00Z');
    for (const [stream, events] of [
      story.organization(ids),
      story.launch(ids),
      story.activate(ids),
      story.activity(ids, 'fair', '2019-05-29', '2019-06-01'),
      story.revenue(ids, '10000000.00'),
      story.activity(ids, 'meeting', '2019-12-16'),
      story.followUp(ids),
    ]) {
      await appendTracker(store, stream, events);
    }
    clock.set('2020-01-15T03:00:00Z');
    await appendTracker(store, ...story.correction(ids, '12500000.00'));
    await appendTracker(store, streamIdFor.organization(ids.organization), [
      { type: 'OrganizationRenamed', data: { organizationId: ids.organization, name: { en: 'Lazada Thailand Co., Ltd.' } } },
    ]);
    clock.set('2020-02-01T03:00:00Z');
    await appendTracker(store, ...story.followUpDone(ids, '2020-02-01'));
    await index.catchUp();
  });

  describe('by recorded time', () => {
    it('is null before the program was recorded', async () => {
      expect(await asOf('2019-12-17T01:59:59.999Z')).toBeNull();
    });

    it('shows the first figure, the open follow-up and the name then, before the correction', async () => {
      const snapshot = (await asOf('2019-12-31T00:00:00+07:00'))!;
      expect(snapshot.program()).toMatchObject({ status: 'ACTIVE', partners: [{ organizationId: ids.organization, role: 'PLATFORM' }] });
      expect(snapshot.outcomes().map((o) => o.amount)).toEqual(['10000000.00']);
      expect(snapshot.totals()).toEqual([{ kind: 'REVENUE', currency: 'THB', amount: '10000000.00', quantity: null }]);
      expect(snapshot.followUps().map((f) => f.status)).toEqual(['OPEN']);
      expect(snapshot.activities().map((a) => a.id)).toEqual([ids.fair, ids.meeting]);
      expect(snapshot.organization(ids.organization)?.name).toEqual({ en: 'Lazada (Thailand)' });
    });

    it('shows the correction and the new name from the instant they were recorded', async () => {
      const snapshot = (await asOf('2020-01-15T03:00:00Z'))!;
      expect(snapshot.outcomes().map((o) => o.amount)).toEqual(['12500000.00']);
      expect(snapshot.outcomes()[0].version).toBe(2);
      expect(snapshot.organization(ids.organization)?.name).toEqual({ en: 'Lazada Thailand Co., Ltd.' });
      expect(snapshot.followUps().map((f) => f.status)).toEqual(['OPEN']);
      expect((await asOf('2020-02-01T03:00:00Z'))!.followUps().map((f) => f.status)).toEqual(['DONE']);
    });

    it('leaves other programs out', async () => {
      const other = storyIds();
      await appendTracker(store, ...story.launch({ ...other, organization: ids.organization }));
      await index.catchUp();
      const snapshot = (await asOf('2030-01-01T00:00:00Z'))!;
      expect(snapshot.program().id).toBe(ids.program);
      expect(snapshot.activities()).toHaveLength(2);
    });
  });

  describe('by business time (occurredBy)', () => {
    it('keeps what had happened by the day, with the figures known now', async () => {
      const snapshot = (await asOf('2030-01-01T00:00:00Z', '2019-06-30'))!;
      expect(snapshot.activities().map((a) => a.id)).toEqual([ids.fair]);
      // A correction takes the date of the fact it corrects, not of its recording.
      expect(snapshot.outcomes().map((o) => o.amount)).toEqual(['12500000.00']);
      // A partner with no joining date counts from the program's start.
      expect(snapshot.program().partners).toHaveLength(1);
      // The activation has no date of its own and was recorded in December.
      expect(snapshot.program().status).toBe('PROPOSED');
      expect(snapshot.followUps()).toEqual([]);
    });

    it("dates an activity's outcome by the day the activity ended", async () => {
      const duringTheFair = (await asOf('2030-01-01T00:00:00Z', '2019-05-31'))!;
      expect(duringTheFair.activities().map((a) => a.id)).toEqual([ids.fair]);
      expect(duringTheFair.outcomes()).toEqual([]);
      expect((await asOf('2030-01-01T00:00:00Z', '2019-06-01'))!.outcomes()).toHaveLength(1);
    });

    it('combines with recorded time: what had happened by the day, as known at the instant', async () => {
      const snapshot = (await asOf('2019-12-31T00:00:00+07:00', '2019-12-16'))!;
      expect(snapshot.outcomes().map((o) => o.amount)).toEqual(['10000000.00']);
      expect(snapshot.followUps().map((f) => f.status)).toEqual(['OPEN']);
      expect(snapshot.program().status).toBe('PROPOSED');
    });

    it('is null before the program started', async () => {
      expect(await asOf('2030-01-01T00:00:00Z', '2019-05-28')).toBeNull();
    });
  });

  describe("the program's own corrections", () => {
    beforeEach(async () => {
      clock.set('2020-03-01T03:00:00Z');
      await appendTracker(store, streamIdFor.program(ids.program), [
        {
          type: 'ProgramCorrected',
          data: { programId: ids.program, title: { en: 'OTOP to the world' }, summary: null, startedOn: '2019-05-29', reason: 'Official title' },
        },
        {
          type: 'ProgramPartnerRemoved',
          data: { programId: ids.program, organizationId: ids.organization, role: 'PLATFORM', leftOn: '2020-02-29', reason: 'Contract ended' },
        },
      ]);
      await index.catchUp();
    });

    it('shows the title and the partner as they were before, by recorded time', async () => {
      const before = (await asOf('2020-03-01T02:59:59.999Z'))!;
      expect(before.program()).toMatchObject({ title: { en: 'OTOP online' }, partners: [{ organizationId: ids.organization }] });
      const after = (await asOf('2020-03-01T03:00:00Z'))!;
      expect(after.program()).toMatchObject({ title: { en: 'OTOP to the world' }, partners: [] });
    });

    it('dates a correction by the launch and a removal by the day the partner left, by business time', async () => {
      const atTheFair = (await asOf('2030-01-01T00:00:00Z', '2019-06-01'))!;
      expect(atTheFair.program()).toMatchObject({ title: { en: 'OTOP to the world' }, partners: [{ organizationId: ids.organization }] });
      expect((await asOf('2030-01-01T00:00:00Z', '2020-02-28'))!.program().partners).toHaveLength(1);
      expect((await asOf('2030-01-01T00:00:00Z', '2020-02-29'))!.program().partners).toEqual([]);
    });
  });

  it('is null for an id that is no record id', async () => {
    expect(await programAsOf({ source: index, store }, 'program-1', { asOf: new Date() })).toBeNull();
  });
});
