import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';
import type { LocalizedTextColumn, LocationColumn, ParticipantColumn } from './columns';

/** read_model.activities (activities.projection.ts). */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'activities', synchronize: false })
export class ActivityEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') kind: string;
  /** PLANNED, HELD or CANCELLED. */
  @Column('text') status: string;
  @Column('jsonb') title: LocalizedTextColumn;
  @Column('uuid', { name: 'program_id', nullable: true }) programId: string | null;
  @Column('date', { name: 'starts_on' }) startsOn: string;
  @Column('date', { name: 'ends_on' }) endsOn: string;
  @Column('jsonb', { nullable: true }) location: LocationColumn | null;
  @Column('jsonb', { name: 'organizer_ids' }) organizerIds: string[];
  @Column('jsonb') participants: ParticipantColumn[];
  /** Organisers and participants' organisations, for "every meeting with X" (GIN indexed). */
  @Column('jsonb', { name: 'organization_ids' }) organizationIds: string[];
  @Column('jsonb') topics: string[];
  @Column('text', { nullable: true }) summary: string | null;
  @Column('text', { name: 'search_text' }) searchText: string;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('bigint', { name: 'last_position' }) lastPosition: string;
}
