import { Global, Module } from '@nestjs/common';
import { CommandExecutor } from '@tracker/application';
import type { EventStore } from '@tracker/event-store';
import { EVENT_STORE } from '../database/database.module';
import { Mutations } from './mutations';

/**
 * The write side every feature module may inject: the CommandExecutor its command handlers
 * (from @tracker/application, listed in each feature's module) run on, and the Mutations
 * steps the resolvers share.
 */
@Global()
@Module({
  providers: [
    { provide: CommandExecutor, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CommandExecutor(store) },
    Mutations,
  ],
  exports: [CommandExecutor, Mutations],
})
export class CommandsModule {}
