import type { ProgramSnapshot } from '@tracker/audit';
import type { ActivityRow, AgreementRow, FollowUpRow, OrganizationRow, OutcomeRow } from '@tracker/read-model';
import { activityKeysetOf, type ActivityKeyset } from '../activities/activity.keyset';
import type { Activity } from '../activities/activity.types';
import type { Agreement } from '../agreements/agreement.types';
import type { FollowUp } from '../follow-ups/follow-up.types';
import { toConnection, type ConnectionShape, type PageRequest } from '../graphql/connection';
import type { Organization, OrganizationLookup } from '../organizations/organization.types';
import type { Outcome, OutcomeTotal } from '../outcomes/outcome.types';
import { partnersOnce } from '../programs/program-partners';
import type { ProgramReadPort } from '../programs/program-read.port';
import type { Program, ProgramPartner } from '../programs/program.types';
import type {
  ActivityKindValue,
  ActivityStatusValue,
  AgreementStatusValue,
  FollowUpStatusValue,
  OrganizationKindValue,
  OutcomeKindValue,
  PartnerRoleValue,
  ProgramStatusValue,
} from '../shared/enums';

/**
 * The contract's Program for a program replayed in memory (programAsOf): the scalar fields
 * from the replayed row, the nested ones through this ProgramReadPort, which answers from the
 * same replay, ordered and paged as the live read model orders and pages them.
 */
export function asOfProgram(snapshot: ProgramSnapshot): Program {
  const row = snapshot.program();
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    status: row.status as ProgramStatusValue,
    startedOn: row.started_on,
    version: row.version,
    updatedAt: new Date(row.updated_at),
    partnerList: row.partners.map((partner) => ({
      organizationId: partner.organizationId,
      role: partner.role as PartnerRoleValue,
      joinedOn: partner.joinedOn,
    })),
    readPort: new AsOfProgramPort(snapshot),
  };
}

export class AsOfProgramPort implements ProgramReadPort {
  constructor(private readonly snapshot: ProgramSnapshot) {}

  /**
   * The organisation as it was known then: not as renamed since, and a duplicate as itself
   * until it was merged, as its survivor from then on.
   */
  private readonly organizations: OrganizationLookup = async (id) => {
    const row = this.snapshot.organization(id);
    if (!row) return null;
    const mergedKnown = this.snapshot.mergedInto(row.id).map((duplicate) => ({
      id: duplicate.id,
      name: duplicate.name,
      mergedAt: new Date(duplicate.merged_at as string),
      reason: duplicate.merge_reason as string,
    }));
    return { ...toOrganization(row), mergedKnown };
  };

  partners(program: Program): Promise<ProgramPartner[]> {
    return partnersOnce(program.partnerList, this.organizations);
  }

  async agreements(): Promise<Agreement[]> {
    return this.snapshot.agreements().map((row) => ({ ...toAgreement(row), organizationsFrom: this.organizations }));
  }

  async activities(_program: Program, page: PageRequest<ActivityKeyset>): Promise<ConnectionShape<Activity>> {
    const all = this.snapshot.activities().map((row) => toActivity(row, this.organizations));
    const after = page.after;
    const rest = after ? all.filter((a) => a.startsOn > after[0] || (a.startsOn === after[0] && a.id > after[1])) : all;
    return toConnection(rest.slice(0, page.limit + 1), page, activityKeysetOf, all.length);
  }

  async outcomes(): Promise<Outcome[]> {
    return this.snapshot.outcomes().map(toOutcome);
  }

  async followUps(_program: Program, status: FollowUpStatusValue | null): Promise<FollowUp[]> {
    const followUps = this.snapshot.followUps().map((row) => ({ ...toFollowUp(row), organizationsFrom: this.organizations }));
    return status ? followUps.filter((followUp) => followUp.status === status) : followUps;
  }

  async totals(): Promise<OutcomeTotal[]> {
    return this.snapshot.totals().map((total) => ({ ...total, kind: total.kind as OutcomeKindValue }));
  }

}

function toOrganization(row: OrganizationRow): Organization {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrganizationKindValue,
    country: row.country,
    version: row.version,
    parentId: row.parent_id,
  };
}

function toActivity(row: ActivityRow, organizationsFrom: OrganizationLookup): Activity {
  return {
    id: row.id,
    kind: row.kind as ActivityKindValue,
    status: row.status as ActivityStatusValue,
    title: row.title,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    location: row.location,
    participants: row.participants.map((participant) => ({
      name: participant.name,
      position: participant.position,
      organizationId: participant.organizationId,
      organizationsFrom,
    })),
    topics: row.topics,
    summary: row.summary,
    version: row.version,
    programId: row.program_id,
    organizerIds: row.organizer_ids,
    organizationsFrom,
  };
}

function toAgreement(row: AgreementRow): Agreement {
  return {
    id: row.id,
    title: row.title,
    status: row.status as AgreementStatusValue,
    signedOn: row.signed_on,
    expiresOn: row.expires_on,
    terminatedOn: row.terminated_on,
    version: row.version,
    partyIds: row.party_ids,
    programId: row.program_id,
  };
}

function toOutcome(row: OutcomeRow): Outcome {
  return {
    id: row.id,
    kind: row.kind as OutcomeKindValue,
    amount: row.amount,
    currency: row.currency,
    quantity: row.quantity,
    description: row.description,
    voided: row.voided,
    version: row.version,
    programId: row.program_id,
    activityId: row.activity_id,
  };
}

function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    description: row.description,
    dueOn: row.due_on,
    status: row.status as FollowUpStatusValue,
    version: row.version,
    ownerId: row.owner_id,
    activityId: row.activity_id,
    programId: row.program_id,
  };
}
