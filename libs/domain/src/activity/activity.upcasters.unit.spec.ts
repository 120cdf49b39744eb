import { upcast } from '../tracker/tracker.upcasters';
import type { ActivityLogged, ActivityLoggedV1 } from './activity.events';
import { upcastActivityLoggedV1 } from './activity.upcasters';

const storedV1: ActivityLoggedV1['data'] = {
  activityId: 'activity-visit',
  programId: null,
  kind: 'SITE_VISIT',
  title: { en: 'OTOP City 2019 visit' },
  date: '2019-12-16',
  location: null,
  organizerIds: [],
  participants: [],
  topics: [],
  summary: null,
};
const { date: _date, ...unchanged } = storedV1;

describe('ActivityLogged version 1', () => {
  it('becomes a one-day activity starting and ending on its date', () => {
    const expected: ActivityLogged['data'] = { ...unchanged, startsOn: '2019-12-16', endsOn: '2019-12-16' };
    expect(upcastActivityLoggedV1(storedV1)).toStrictEqual(expected);
  });

  it('is upcast on read to the current schema version', () => {
    expect(upcast('ActivityLogged', 1, storedV1)).toStrictEqual({
      type: 'ActivityLogged',
      schemaVersion: 2,
      data: { ...unchanged, startsOn: '2019-12-16', endsOn: '2019-12-16' },
    });
  });
});
