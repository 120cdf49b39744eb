import { isUuid } from '../shared/ids';

/** Activities are listed by (startsOn, id): chronological, the id breaking ties. */
export type ActivityKeyset = [startsOn: string, id: string];

export function isActivityKeyset(value: unknown): value is ActivityKeyset {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value[0]) &&
    isUuid(value[1])
  );
}

export function activityKeysetOf(activity: { startsOn: string; id: string }): ActivityKeyset {
  return [activity.startsOn, activity.id];
}
