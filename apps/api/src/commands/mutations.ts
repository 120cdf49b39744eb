import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CommandContext, TrackerCommand } from '@tracker/application';
import type { GraphQLContext } from '../graphql/graphql-context';
import { givePlaceBack } from '../load-shedding/load-shedding.middleware';
import { ReadLoaders } from '../read-model/request-loaders';
import { commandMetadata } from './command-metadata';
import { commandResult, type CommandResult } from './command-result.type';
import { ReadYourWrites } from './read-your-writes.service';

/** What a mutation resolver hands back: the record read after the write, and where it landed. */
interface Written<T> {
  record: T | null;
  result: CommandResult;
}

/**
 * The contract's mutation steps, once: send the command, wait (bounded) until the projector
 * has caught up with its position, then read the record from the read model, or answer
 * `projected: false` with no record rather than a stale one.
 */
@Injectable()
export class Mutations {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly readYourWrites: ReadYourWrites,
    private readonly loaders: ReadLoaders,
  ) {}

  /** The command context for a mutation: the caller, the time, and the input's commandId. */
  contextOf(context: GraphQLContext, commandId: string | null | undefined): CommandContext {
    return commandMetadata(context, commandId);
  }

  async execute<T>(
    context: GraphQLContext,
    command: TrackerCommand,
    read: (id: string) => Promise<T | null>,
  ): Promise<Written<T>> {
    const written = await this.commandBus.execute(command);
    givePlaceBack(context.req);
    const projected = await this.readYourWrites.waitFor(written.position);
    this.loaders.forget(context);
    return { record: projected ? await read(written.id) : null, result: commandResult(written, projected) };
  }
}
