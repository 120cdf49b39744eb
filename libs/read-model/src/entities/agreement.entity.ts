import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';
import type { LocalizedTextColumn } from './columns';

/** read_model.agreements (agreements.projection.ts). */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'agreements', synchronize: false })
export class AgreementEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('jsonb') title: LocalizedTextColumn;
  @Column('jsonb', { name: 'party_ids' }) partyIds: string[];
  @Column('uuid', { name: 'program_id', nullable: true }) programId: string | null;
  @Column('text') status: string;
  @Column('date', { name: 'signed_on', nullable: true }) signedOn: string | null;
  @Column('date', { name: 'expires_on', nullable: true }) expiresOn: string | null;
  @Column('date', { name: 'terminated_on', nullable: true }) terminatedOn: string | null;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('bigint', { name: 'last_position' }) lastPosition: string;
}
