import type { Role } from './roles';

/**
 * Who may call each GraphQL operation: the one table the access guard consults, keyed by
 * `<root type>.<field>`. An operation with no line here is refused to everyone (fail closed),
 * and access-policy.e2e.spec.ts fails when a served or contract operation has no line.
 * Adding an operation: resolver + handler + one line here.
 *
 * Decisions (DESIGN.md, Auth):
 * - Every role reads the read models.
 * - History, as-of and verification are the audit trail: auditor, planner (the contract says
 *   "auditor and planner roles" for programHistory) and admin; a diplomat reads the records
 *   themselves, not the trail. The history subscription is the same data live.
 * - programChanged says only "the program's records changed, reload": the records every role
 *   reads, not the trail, so everyone.
 * - diplomat: register organisations, log, correct and cancel activities, record, correct and
 *   void outcomes, add, update, close and reopen follow-ups.
 *   correctOutcome is allowed too: a correction is recording an outcome (an OutcomeCorrected
 *   event beside the original, which stays in the history), and the person who reported a
 *   figure is the one who finds its typo. renameOrganization is not in the diplomat's list, so
 *   it is the planner's, with programs, partners, agreements and status.
 * - auditor writes nothing. admin may do everything.
 * - `me` is for anyone signed in, with or without a role: the web app asks it to tell "signed
 *   in, but no role yet" from "not signed in". It says only what the caller's own token says.
 */
/** Any verified caller, even one whose token carries no role. */
export const SIGNED_IN = 'any signed-in caller';
export type AccessRule = readonly Role[] | typeof SIGNED_IN;

const EVERYONE: readonly Role[] = ['diplomat', 'planner', 'auditor', 'admin'];
const AUDIT_TRAIL: readonly Role[] = ['planner', 'auditor', 'admin'];
const DIPLOMAT_WRITES: readonly Role[] = ['diplomat', 'planner', 'admin'];
const PLANNER_WRITES: readonly Role[] = ['planner', 'admin'];

export const ACCESS_POLICY: Readonly<Record<string, AccessRule>> = {
  'Query.me': SIGNED_IN,
  'Query.organization': EVERYONE,
  'Query.organizations': EVERYONE,
  'Query.program': EVERYONE,
  'Query.programs': EVERYONE,
  'Query.activity': EVERYONE,
  'Query.activities': EVERYONE,
  'Query.agreement': EVERYONE,
  'Query.followUps': EVERYONE,
  'Query.programHistory': AUDIT_TRAIL,
  'Query.programAsOf': AUDIT_TRAIL,
  'Query.verifyHistory': AUDIT_TRAIL,
  'Query.historyDigest': AUDIT_TRAIL,

  'Mutation.registerOrganization': DIPLOMAT_WRITES,
  'Mutation.renameOrganization': PLANNER_WRITES,
  'Mutation.updateOrganization': PLANNER_WRITES,
  'Mutation.mergeOrganizations': PLANNER_WRITES,
  'Mutation.launchProgram': PLANNER_WRITES,
  'Mutation.addProgramPartner': PLANNER_WRITES,
  'Mutation.changeProgramStatus': PLANNER_WRITES,
  'Mutation.recordAgreement': PLANNER_WRITES,
  'Mutation.correctProgram': PLANNER_WRITES,
  'Mutation.removeProgramPartner': PLANNER_WRITES,
  'Mutation.signAgreement': PLANNER_WRITES,
  'Mutation.amendAgreement': PLANNER_WRITES,
  'Mutation.terminateAgreement': PLANNER_WRITES,
  'Mutation.logActivity': DIPLOMAT_WRITES,
  'Mutation.recordOutcome': DIPLOMAT_WRITES,
  'Mutation.correctOutcome': DIPLOMAT_WRITES,
  'Mutation.voidOutcome': DIPLOMAT_WRITES,
  'Mutation.correctActivity': DIPLOMAT_WRITES,
  'Mutation.cancelActivity': DIPLOMAT_WRITES,
  'Mutation.addFollowUp': DIPLOMAT_WRITES,
  'Mutation.closeFollowUp': DIPLOMAT_WRITES,
  'Mutation.updateFollowUp': DIPLOMAT_WRITES,
  'Mutation.reopenFollowUp': DIPLOMAT_WRITES,

  'Subscription.programHistoryAppended': AUDIT_TRAIL,
  'Subscription.programChanged': EVERYONE,
};

export const ACCESS_POLICY_TOKEN = Symbol('ACCESS_POLICY');
export type AccessPolicy = Readonly<Record<string, readonly string[] | typeof SIGNED_IN>>;

/** Whether a caller with these roles passes the rule: the one test authorize and `me` both use. */
export function allows(rule: AccessPolicy[string] | undefined, roles: readonly string[]): boolean {
  if (rule === undefined) return false;
  return rule === SIGNED_IN || roles.some((role) => rule.includes(role));
}

export function operationKey(rootType: string, field: string): string {
  return `${rootType}.${field}`;
}
