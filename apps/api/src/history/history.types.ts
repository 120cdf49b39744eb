import { Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import type { IntegrityProblemKind } from '@tracker/audit';
import { Connection } from '../graphql/connection';
import { GraphQLDate, GraphQLJSON } from '../graphql/scalars';

@ObjectType('HistoryEvent', { description: 'One stored event, as an auditor sees it.' })
export class HistoryEventNode {
  @Field({ description: 'Global position, as a decimal string.' }) position: string;
  @Field(() => ID, { description: 'The event id the store deduplicates appends by.' }) eventId: string;
  @Field() streamId: string;
  @Field(() => Int) version: number;
  @Field() type: string;
  @Field(() => Int) schemaVersion: number;
  @Field(() => Date) recordedAt: Date;
  @Field(() => GraphQLDate, { nullable: true, description: "Business date the event is about (a meeting's date), when it has one." })
  occurredOn: string | null;
  @Field() actor: string;
  @Field(() => String, { nullable: true, description: 'The command that recorded the event (the idempotency key).' })
  commandId: string | null;
  @Field(() => String, { nullable: true }) correlationId: string | null;
  @Field(() => String, { nullable: true }) causationId: string | null;
  @Field(() => GraphQLJSON, { description: 'The data as stored, in its stored schema version.' }) data: unknown;
  @Field({ description: 'Hex SHA-256 chaining this event to the previous one of its stream.' }) hash: string;
}

@ObjectType('HistoryEventConnection')
export class HistoryEventConnection extends Connection(HistoryEventNode, 'HistoryEvent') {}

export enum IntegrityProblemKindValue {
  HASH_MISMATCH = 'HASH_MISMATCH',
  VERSION_GAP = 'VERSION_GAP',
  UNREADABLE = 'UNREADABLE',
  MISSING_EVENTS = 'MISSING_EVENTS',
  HEAD_MISMATCH = 'HEAD_MISMATCH',
}
// Keeps the GraphQL enum and the audit lib's kinds from drifting apart.
const _sameKinds: Record<IntegrityProblemKind, IntegrityProblemKindValue> = IntegrityProblemKindValue;

registerEnumType(IntegrityProblemKindValue, {
  name: 'IntegrityProblemKind',
  valuesMap: {
    HASH_MISMATCH: { description: "The event's stored hash does not match its content and its predecessor's hash: it was altered." },
    VERSION_GAP: { description: 'The event is not the next version of its stream: events before it were removed.' },
    UNREADABLE: { description: 'The content is not JSON any store could have hashed.' },
    MISSING_EVENTS: { description: "The stream's recorded end names a version no event has: its last events were removed." },
    HEAD_MISMATCH: { description: "The stream's recorded end disagrees with its last event." },
  },
});

@ObjectType('IntegrityProblem')
class IntegrityProblemNode {
  @Field(() => IntegrityProblemKindValue) kind: IntegrityProblemKindValue;
  @Field() streamId: string;
  @Field(() => String, { nullable: true, description: 'The event found wrong; null when what is wrong is an absence.' })
  position: string | null;
  @Field(() => Int) version: number;
  @Field() detail: string;
}

@ObjectType('IntegrityReport')
export class IntegrityReportNode {
  @Field() ok: boolean;
  @Field(() => Int) streamsChecked: number;
  @Field(() => Int) eventsChecked: number;
  @Field(() => String, { nullable: true, description: 'First event whose stored hash does not match its recomputed hash, if any.' })
  firstBrokenPosition: string | null;
  @Field(() => [IntegrityProblemNode], { description: 'The first 100 problems found, in the order found.' })
  problems: IntegrityProblemNode[];
  @Field(() => Int, { description: 'Every problem found, listed or not.' }) problemCount: number;
  @Field(() => Boolean, {
    nullable: true,
    description: "With `against`: whether the store up to the digest's position still yields that digest.\nNull without `against`.",
  })
  digestMatches: boolean | null;
  @Field(() => String, {
    nullable: true,
    description:
      "With `against`: the first position from which the store no longer yields the digest's\nchain, where the digest's checkpoints allow naming it.",
  })
  digestMismatchFrom: string | null;
}

@ObjectType('HistoryDigestCheckpoint')
export class HistoryDigestCheckpointNode {
  @Field() position: string;
  @Field() digest: string;
}

@ObjectType('HistoryDigest', {
  description:
    'A commitment to every stored event up to `position`, in order: kept by an auditor outside\n' +
    'the system, it later proves that nothing up to there was changed, even by someone able to\n' +
    "rewrite the database and recompute every stream's hashes.",
})
export class HistoryDigestNode {
  @Field({ description: "Names the digest's construction and version, so a digest kept for years can still be checked." })
  algorithm: string;
  @Field() position: string;
  @Field(() => Int) eventCount: number;
  @Field() digest: string;
  @Field(() => Date) takenAt: Date;
  @Field(() => [HistoryDigestCheckpointNode], { description: 'Intermediate digests at earlier positions, letting a check name where a change begins.' })
  checkpoints: HistoryDigestCheckpointNode[];
}

@InputType('HistoryDigestCheckpointInput')
export class HistoryDigestCheckpointInput {
  @Field() position: string;
  @Field() digest: string;
}

@InputType('HistoryDigestInput')
export class HistoryDigestInput {
  @Field(() => String, { nullable: true }) algorithm?: string | null;
  @Field() position: string;
  @Field() digest: string;
  @Field(() => [HistoryDigestCheckpointInput], { nullable: true }) checkpoints?: HistoryDigestCheckpointInput[] | null;
}

@ObjectType('ProgramChanged', { description: 'Something about a program changed and its read model has caught up to `position`.' })
export class ProgramChangedNode {
  @Field(() => ID) programId: string;
  @Field({ description: 'Global position, as a decimal string: a read made after this signal sees every change up to it.' })
  position: string;
}
