import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';
import type { LocalizedTextColumn, PartnerColumn } from './columns';

/** read_model.programs (programs.projection.ts); partners in recorded order. */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'programs', synchronize: false })
export class ProgramEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('jsonb') title: LocalizedTextColumn;
  @Column('text', { nullable: true }) summary: string | null;
  @Column('text') status: string;
  /** 'YYYY-MM-DD'. */
  @Column('date', { name: 'started_on', nullable: true }) startedOn: string | null;
  @Column('jsonb') partners: PartnerColumn[];
  @Column('text', { name: 'search_text' }) searchText: string;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('bigint', { name: 'last_position' }) lastPosition: string;
}
