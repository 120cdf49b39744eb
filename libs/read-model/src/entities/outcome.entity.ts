import { Column, Entity, PrimaryColumn } from 'typeorm';
import { READ_MODEL_SCHEMA } from '../schema';

/** read_model.outcomes (outcomes.projection.ts): current values, corrections applied. */
@Entity({ schema: READ_MODEL_SCHEMA, name: 'outcomes', synchronize: false })
export class OutcomeEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('uuid', { name: 'program_id' }) programId: string;
  @Column('uuid', { name: 'activity_id', nullable: true }) activityId: string | null;
  @Column('text') kind: string;
  /** NUMERIC: pg hands it over as a decimal string, never a float. */
  @Column('numeric', { nullable: true }) amount: string | null;
  @Column('text', { nullable: true }) currency: string | null;
  @Column('int', { nullable: true }) quantity: number | null;
  @Column('text', { nullable: true }) description: string | null;
  /** Recorded by mistake: listed, but counted in no total. */
  @Column('boolean') voided: boolean;
  @Column('int') version: number;
  @Column('timestamptz', { name: 'created_at' }) createdAt: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt: Date;
  @Column('bigint', { name: 'last_position' }) lastPosition: string;
}
