import { upcast } from '../tracker/tracker.upcasters';
import type { ActivityLogged, ActivityLoggedV1, ActivityLoggedV2 } from './activity.events';
import { upcastActivityLoggedV1, upcastActivityLoggedV2 } from './activity.upcasters';

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
const storedV2: ActivityLoggedV2['data'] = { ...unchanged, startsOn: '2019-05-29', endsOn: '2019-06-01' };

describe('ActivityLogged version 1', () => {
  it('becomes a one-day activity starting and ending on its date', () => {
    const expected: ActivityLoggedV2['data'] = { ...unchanged, startsOn: '2019-12-16', endsOn: '2019-12-16' };
    expect(upcastActivityLoggedV1(storedV1)).toStrictEqual(expected);
  });

  it('is upcast on read to the current schema version, through version 2', () => {
    expect(upcast('ActivityLogged', 1, storedV1)).toStrictEqual({
      type: 'ActivityLogged',
      schemaVersion: 3,
      data: { ...unchanged, startsOn: '2019-12-16', endsOn: '2019-12-16', status: 'HELD' },
    });
  });
});

describe('ActivityLogged version 2', () => {
  it('becomes an activity that was held: before statuses, only what took place was logged', () => {
    const expected: ActivityLogged['data'] = { ...storedV2, status: 'HELD' };
    expect(upcastActivityLoggedV2(storedV2)).toStrictEqual(expected);
  });

  it('is upcast on read to the current schema version', () => {
    expect(upcast('ActivityLogged', 2, storedV2)).toStrictEqual({ type: 'ActivityLogged', schemaVersion: 3, data: { ...storedV2, status: 'HELD' } });
  });

  it('passes a version 3 event through with its own status', () => {
    const planned: ActivityLogged['data'] = { ...storedV2, status: 'PLANNED' };
    expect(upcast('ActivityLogged', 3, planned).data).toStrictEqual(planned);
  });
});
