import { registerEnumType } from '@nestjs/graphql';
import {
  activityKinds,
  activityStatuses,
  agreementStatuses,
  followUpStatuses,
  organizationKinds,
  outcomeKinds,
  partnerRoles,
  programStatuses,
} from '@tracker/domain';

/**
 * The contract's enums, built from the domain's value lists so the two cannot drift apart
 * (the contract test catches a value missing on either side). GraphQL values and stored
 * values are the same strings, so no mapping happens anywhere.
 */
function enumOf<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const OrganizationKind = enumOf(organizationKinds);
export const ProgramStatus = enumOf(programStatuses);
export const PartnerRole = enumOf(partnerRoles);
export const AgreementStatus = enumOf(agreementStatuses);
export const ActivityKind = enumOf(activityKinds);
export const ActivityStatus = enumOf(activityStatuses);
export const OutcomeKind = enumOf(outcomeKinds);
export const FollowUpStatus = enumOf(followUpStatuses);

registerEnumType(OrganizationKind, { name: 'OrganizationKind' });
registerEnumType(ProgramStatus, { name: 'ProgramStatus' });
registerEnumType(PartnerRole, { name: 'PartnerRole' });
registerEnumType(AgreementStatus, { name: 'AgreementStatus' });
registerEnumType(ActivityKind, { name: 'ActivityKind' });
registerEnumType(ActivityStatus, { name: 'ActivityStatus' });
registerEnumType(OutcomeKind, { name: 'OutcomeKind' });
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus' });

export type {
  ActivityKind as ActivityKindValue,
  ActivityStatus as ActivityStatusValue,
  AgreementStatus as AgreementStatusValue,
  FollowUpStatus as FollowUpStatusValue,
  OrganizationKind as OrganizationKindValue,
  OutcomeKind as OutcomeKindValue,
  PartnerRole as PartnerRoleValue,
  ProgramStatus as ProgramStatusValue,
} from '@tracker/domain';
