import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';
import type { LocalizedTextColumn } from './columns';

/** read_model.organizations (organizations.projection.ts writes it). */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'organizations', synchronize: false })
export class OrganizationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('jsonb') name: LocalizedTextColumn;
  @Column('text') kind: string;
  @Column('text', { nullable: true }) country: string | null;
  @Column('uuid', { name: 'parent_id', nullable: true }) parentId: string | null;
  /** Set once merged into another organisation: readers follow it to the survivor. */
  @Column('uuid', { name: 'merged_into', nullable: true }) mergedInto: string | null;
  @Column('timestamptz', { name: 'merged_at', nullable: true }) mergedAt: Date | null;
  @Column('text', { name: 'merge_reason', nullable: true }) mergeReason: string | null;
  @Column('text', { name: 'search_text' }) searchText: string;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  /** int8: a decimal string. */
  @Column('bigint', { name: 'last_position' }) lastPosition: string;
}
