import { Global, Module } from '@nestjs/common';
import { CommandService } from '@tracker/application';
import type { EventStore } from '@tracker/event-store';
import { EVENT_STORE } from '../database/database.module';
import { Mutations } from './mutations';

/**
 * The write side every feature module may inject: one CommandService for the process (it
 * holds no state but the store) and the Mutations steps the resolvers share.
 */
@Global()
@Module({
  providers: [
    { provide: CommandService, inject: [EVENT_STORE], useFactory: (store: EventStore) => new CommandService(store) },
    Mutations,
  ],
  exports: [CommandService, Mutations],
})
export class CommandsModule {}
