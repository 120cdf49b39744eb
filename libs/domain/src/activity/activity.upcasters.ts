import type { ActivityLogged, ActivityLoggedV1 } from './activity.events';

/** V1 -> V2: a one-day activity; the single date becomes both its start and its end. */
export function upcastActivityLoggedV1(data: ActivityLoggedV1['data']): ActivityLogged['data'] {
  const { date, ...rest } = data;
  return { ...rest, startsOn: date, endsOn: date };
}
