import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { AppendResult } from '@tracker/event-store';

/** Where the command's events landed (contract type CommandResult). */
@ObjectType('CommandResult', { description: "Where the command's events landed." })
export class CommandResult {
  @Field()
  streamId: string;

  @Field(() => Int)
  version: number;

  @Field({ description: 'Global position of the last event appended, as a decimal string.' })
  position: string;

  @Field()
  projected: boolean;
}

export function commandResult(append: AppendResult, projected: boolean): CommandResult {
  return { streamId: append.streamId, version: append.version, position: append.position.toString(), projected };
}
