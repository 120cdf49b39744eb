import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';

/** read_model.follow_ups (follow-ups.projection.ts). */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'follow_ups', synchronize: false })
export class FollowUpEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'activity_id' }) activityId: string;
  @Column('uuid', { name: 'program_id', nullable: true }) programId: string | null;
  @Column('text') description: string;
  @Column('uuid', { name: 'owner_id', nullable: true }) ownerId: string | null;
  @Column('date', { name: 'due_on', nullable: true }) dueOn: string | null;
  @Column('text') status: string;
  @Column('text', { nullable: true }) note: string | null;
  @Column('date', { name: 'closed_on', nullable: true }) closedOn: string | null;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('bigint', { name: 'last_position' }) lastPosition: string;
}
