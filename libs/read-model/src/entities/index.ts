import { ActivityEntity } from './activity.entity';
import { AgreementEntity } from './agreement.entity';
import { ProgramEventEntity, ProgramStreamEntity, ProjectionCheckpointEntity } from './bookkeeping.entity';
import { FollowUpEntity } from './follow-up.entity';
import { OrganizationEntity } from './organization.entity';
import { OutcomeEntity } from './outcome.entity';
import { ProgramEntity } from './program.entity';

export * from './columns';
export {
  ActivityEntity,
  AgreementEntity,
  FollowUpEntity,
  OrganizationEntity,
  OutcomeEntity,
  ProgramEntity,
  ProgramEventEntity,
  ProgramStreamEntity,
  ProjectionCheckpointEntity,
};

/**
 * TypeORM entities over the read model's tables, for readers (the api). Mapping only: the
 * tables belong to read-model.migrations.ts, so a DataSource built on these must keep
 * `synchronize: false` and run no TypeORM migrations.
 */
export const READ_MODEL_ENTITIES = [
  OrganizationEntity,
  ProgramEntity,
  AgreementEntity,
  ActivityEntity,
  OutcomeEntity,
  FollowUpEntity,
  ProjectionCheckpointEntity,
  ProgramStreamEntity,
  ProgramEventEntity,
];
