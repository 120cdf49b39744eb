import type { ActivityLogged, ActivityLoggedV1, ActivityLoggedV2 } from './activity.events';

/** V1 -> V2: a one-day activity; the single date becomes both its start and its end. */
export function upcastActivityLoggedV1(data: ActivityLoggedV1['data']): ActivityLoggedV2['data'] {
  const { date, ...rest } = data;
  return { ...rest, startsOn: date, endsOn: date };
}

/** V2 -> V3: before activities had a status, every activity logged was one that took place. */
export function upcastActivityLoggedV2(data: ActivityLoggedV2['data']): ActivityLogged['data'] {
  return { ...data, status: 'HELD' };
}
