import { Args, ID, Resolver, Subscription } from '@nestjs/graphql';
import { ReadYourWrites } from '../commands/read-your-writes.service';
import { ProgramChangedNode } from './history.types';
import { ProgramChangedSignals, type ProgramChangedSignal } from './program-changed.signals';
import { ProgramHistoryFeeds } from './program-history-feeds';

/**
 * programChanged: the live page of every role (access: everyone who reads, auth/access-policy.ts).
 * It lives beside programHistoryAppended because it is that feed, reduced to "reload now": which
 * events belong to a program is decided once, by the history index's projection.
 */
@Resolver()
export class ProgramChangedResolver {
  constructor(
    private readonly feeds: ProgramHistoryFeeds,
    private readonly readYourWrites: ReadYourWrites,
  ) {}

  @Subscription(() => ProgramChangedNode, {
    description:
      "A signal for every role that the program's records changed (reload what you show): the program,\n" +
      'its partners, activities, outcomes, follow-ups and agreements. Sent once the read model has\n' +
      'caught up to `position`; changes recorded close together may come as one signal. An id that\n' +
      'names no program gets no signal.',
    // Nest's default reads payload.programChanged (the PubSub convention); the signal is the value.
    resolve: (signal: ProgramChangedSignal) => signal,
  })
  programChanged(@Args('programId', { type: () => ID }) programId: string): AsyncIterableIterator<ProgramChangedSignal> {
    return new ProgramChangedSignals(programId, this.feeds.follow(programId, null), (position, cancel) =>
      this.readYourWrites.whenCaughtUp(position, cancel),
    );
  }
}
