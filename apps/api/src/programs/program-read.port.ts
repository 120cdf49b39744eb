import type { ActivityKeyset } from '../activities/activity.keyset';
import type { Activity } from '../activities/activity.types';
import type { Agreement } from '../agreements/agreement.types';
import type { FollowUp } from '../follow-ups/follow-up.types';
import type { ConnectionShape, PageRequest } from '../graphql/connection';
import type { Outcome, OutcomeTotal } from '../outcomes/outcome.types';
import type { FollowUpStatusValue } from '../shared/enums';
import type { Program, ProgramPartner } from './program.types';

/**
 * Where Program's nested fields come from. ProgramFieldsResolver asks the port the Program
 * object carries (`program.readPort`), else the live read model's (batched per request with
 * DataLoader). An as-of view implements this over rows replayed in memory.
 *
 * Only Program's own fields go through the port; the objects it returns resolve their fields
 * (an outcome's activity, an activity's follow-ups) from the live read model, except the
 * organisations they name, which a port may give from its own view (`organizationsFrom`).
 */
export interface ProgramReadPort {
  /** Each organisation once, merged duplicates read as their survivor (partnersOnce). */
  partners(program: Program): Promise<ProgramPartner[]>;
  agreements(program: Program): Promise<Agreement[]>;
  /** Ordered by (startsOn, id); `page.after` is the keyset of the previous page's last edge. */
  activities(program: Program, page: PageRequest<ActivityKeyset>): Promise<ConnectionShape<Activity>>;
  outcomes(program: Program): Promise<Outcome[]>;
  /** All of the program's follow-ups, or those with `status`. */
  followUps(program: Program, status: FollowUpStatusValue | null): Promise<FollowUp[]>;
  totals(program: Program): Promise<OutcomeTotal[]>;
}
