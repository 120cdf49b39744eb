import { ConflictError } from '../shared/errors';
import { testMetadata as metadata } from '../testing';
import { decideTracker, streamIdOf, type TrackerCommand } from './tracker.commands';
import type { TrackerEvent } from './tracker.events';

describe('a tracker command', () => {
  const launch: TrackerCommand = {
    type: 'LaunchProgram',
    data: { programId: 'p1', title: { en: 'OTOP e-commerce' } },
    metadata,
  };
  const launched: TrackerEvent = {
    type: 'ProgramLaunched',
    data: { programId: 'p1', title: { en: 'OTOP e-commerce' }, summary: null, status: 'PROPOSED', startedOn: null },
  };

  it('names the stream it writes to', () => {
    expect(streamIdOf(launch)).toBe('program-p1');
    expect(streamIdOf({ type: 'CloseFollowUp', data: { followUpId: 'f1', status: 'DONE' }, metadata })).toBe('follow-up-f1');
    expect(streamIdOf({ type: 'UpdateFollowUp', data: { followUpId: 'f1', dueOn: null, reason: 'r', knownOrganizationIds: [] }, metadata })).toBe('follow-up-f1');
    expect(streamIdOf({ type: 'ReopenFollowUp', data: { followUpId: 'f1', reason: 'r' }, metadata })).toBe('follow-up-f1');
  });

  it("is decided against its stream's history by its aggregate", () => {
    expect(decideTracker(launch, [])).toStrictEqual([launched]);
    expect(() => decideTracker(launch, [launched])).toThrow(ConflictError);
  });

  it('fails loudly on a stream holding another aggregate’s events', () => {
    const foreign: TrackerEvent = { type: 'OrganizationRenamed', data: { organizationId: 'o', name: { en: 'O' } } };
    expect(() => decideTracker(launch, [foreign])).toThrow(/Unhandled case/);
  });
});
