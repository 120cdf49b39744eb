import type { ActivityKeyset } from '../activities/activity.keyset';
import type { Activity } from '../activities/activity.types';
import type { Agreement } from '../agreements/agreement.types';
import type { FollowUp } from '../follow-ups/follow-up.types';
import type { ConnectionShape, PageRequest } from '../graphql/connection';
import type { Outcome, OutcomeTotal } from '../outcomes/outcome.types';
import type { RequestLoaders } from '../read-model/request-loaders';
import type { FollowUpStatusValue } from '../shared/enums';
import { partnersOnce } from './program-partners';
import type { ProgramReadPort } from './program-read.port';
import type { Program, ProgramPartner } from './program.types';

/** Program's nested fields from the live read model, batched through the request's loaders. */
export class ReadModelProgramPort implements ProgramReadPort {
  constructor(private readonly loaders: RequestLoaders) {}

  partners(program: Program): Promise<ProgramPartner[]> {
    return partnersOnce(program.partnerList, this.loaders.organizations);
  }

  agreements(program: Program): Promise<Agreement[]> {
    return this.loaders.agreementsOfProgram.load(program.id);
  }

  activities(program: Program, page: PageRequest<ActivityKeyset>): Promise<ConnectionShape<Activity>> {
    return this.loaders.activitiesOfProgram.load({ programId: program.id, page });
  }

  outcomes(program: Program): Promise<Outcome[]> {
    return this.loaders.outcomesOfProgram.load(program.id);
  }

  async followUps(program: Program, status: FollowUpStatusValue | null): Promise<FollowUp[]> {
    const followUps = await this.loaders.followUpsOfProgram.load(program.id);
    return status ? followUps.filter((followUp) => followUp.status === status) : followUps;
  }

  totals(program: Program): Promise<OutcomeTotal[]> {
    return this.loaders.totalsOfProgram.load(program.id);
  }
}
