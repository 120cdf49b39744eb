/**
 * @tracker/domain: the tracker's aggregates as pure deciders, their commands and versioned
 * events, value objects and typed errors. No framework, no I/O, no clock.
 * Each aggregate folder exports initialState/evolve/decide; here they are bundled as
 * `<aggregate>Decider` so the names do not collide.
 */
export * from './shared';

export * from './organization/organization.events';
export * from './organization/organization.commands';
export { organizationDecider, type OrganizationState } from './organization/organization.decider';

export * from './program/program.events';
export * from './program/program.commands';
export {
  programDecider,
  assertProgramOpen,
  canChangeProgramStatus,
  isProgramOpen,
  type ProgramFacts,
  type ProgramPartner,
  type ProgramState,
} from './program/program.decider';

export * from './agreement/agreement.events';
export * from './agreement/agreement.commands';
export { agreementDecider, type AgreementState } from './agreement/agreement.decider';

export * from './activity/activity.events';
export * from './activity/activity.commands';
export * from './activity/activity.upcasters';
export { activityDecider, type ActivityFacts, type ActivityState } from './activity/activity.decider';

export * from './outcome/outcome.events';
export * from './outcome/outcome.commands';
export { outcomeDecider, type OutcomeState } from './outcome/outcome.decider';

export * from './follow-up/follow-up.events';
export * from './follow-up/follow-up.commands';
export { followUpDecider, type FollowUpState } from './follow-up/follow-up.decider';

export * from './tracker/tracker.events';
export * from './tracker/tracker.upcasters';
export * from './tracker/tracker.streams';
export * from './tracker/tracker.references';

export * from './reference-case';
