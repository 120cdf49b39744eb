import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import type { EventStore } from '@tracker/event-store';
import { ActivityHandlers } from './activities';
import { AgreementHandlers } from './agreements';
import { CommandExecutor } from './command-executor';
import { FollowUpHandlers } from './follow-ups';
import { OrganizationHandlers } from './organizations';
import { OutcomeHandlers } from './outcomes';
import { ProgramHandlers } from './programs';

/** Every command handler: one per mutation of the contract, each in its feature's folder. */
export const COMMAND_HANDLERS = [
  ...OrganizationHandlers,
  ...ProgramHandlers,
  ...AgreementHandlers,
  ...ActivityHandlers,
  ...OutcomeHandlers,
  ...FollowUpHandlers,
];

@Module({})
class StandaloneCommandsModule {}

/**
 * The same CommandBus and handlers the api uses, for code outside the api's Nest app (demo
 * data, tests, benches): `(await commandBusFor(store)).execute(new LogActivity(input, ctx))`.
 * It holds no resources beyond memory, so it needs no closing.
 */
export async function commandBusFor(store: EventStore): Promise<CommandBus> {
  const context = await NestFactory.createApplicationContext(
    {
      module: StandaloneCommandsModule,
      imports: [CqrsModule.forRoot()],
      providers: [{ provide: CommandExecutor, useValue: new CommandExecutor(store) }, ...COMMAND_HANDLERS],
    },
    { logger: false },
  );
  return context.get(CommandBus);
}
