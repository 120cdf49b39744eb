import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';

/** read_model.projection_checkpoints: how far each projection has applied the log. */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'projection_checkpoints', synchronize: false })
export class ProjectionCheckpointEntity {
  @PrimaryColumn('text') projection: string;
  @Column('bigint') position: string;
  /** Set while the projection is stopped at a poison event. */
  @Column('bigint', { name: 'failed_at_position', nullable: true }) failedAtPosition: string | null;
  @Column('text', { nullable: true }) error: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
}

/** read_model.program_streams: which streams belong to which program (the history index). */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'program_streams', synchronize: false })
export class ProgramStreamEntity {
  @PrimaryColumn('text', { name: 'stream_id' }) streamId: string;
  @Column('uuid', { name: 'program_id' }) programId: string;
  @Column('bigint', { name: 'last_position' }) lastPosition: string;
}

/** read_model.program_events: every position that touched a program. */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'program_events', synchronize: false })
export class ProgramEventEntity {
  @PrimaryColumn('uuid', { name: 'program_id' }) programId: string;
  @PrimaryColumn('bigint') position: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt: Date;
}
