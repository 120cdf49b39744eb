import type { INestApplication } from '@nestjs/common';
import { ProgramHistoryFeeds } from '../program-history-feeds';

/**
 * Resolves once the next `count` program feeds the api opens (programHistoryAppended,
 * programChanged) follow the store: from then on every event recorded reaches them.
 * graphql-ws says nothing when a subscription is in place, so a test that must write only
 * after that waits on this rather than on a sleep. `stop()` puts follow() back as it was.
 */
export function watchFeeds(app: INestApplication, count = 1): { live: Promise<void>; stop: () => void } {
  const feeds = app.get(ProgramHistoryFeeds);
  const follow = feeds.follow.bind(feeds);
  let started = 0;
  let live = 0;
  let resolveLive = () => undefined as void;
  const allLive = new Promise<void>((resolve) => (resolveLive = resolve));
  const spy = jest.spyOn(feeds, 'follow').mockImplementation((programId, after) => {
    const feed = follow(programId, after);
    if (++started <= count) {
      void feed.start().then(() => {
        if (++live === count) resolveLive();
      });
    }
    return feed;
  });
  return { live: allLive, stop: () => spy.mockRestore() };
}
