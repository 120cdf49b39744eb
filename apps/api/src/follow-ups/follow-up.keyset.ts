import { isUuid } from '../shared/ids';

/**
 * Follow-ups across programs are listed soonest due first, undated last, the id breaking
 * ties: (dueOn, id), a null dueOn sorting after every date (SQL: coalesce(due_on, 'infinity')).
 */
export type FollowUpKeyset = [dueOn: string | null, id: string];

export function isFollowUpKeyset(value: unknown): value is FollowUpKeyset {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    (value[0] === null || (typeof value[0] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value[0]))) &&
    isUuid(value[1])
  );
}

export function followUpKeysetOf(followUp: { dueOn: string | null; id: string }): FollowUpKeyset {
  return [followUp.dueOn, followUp.id];
}
