import { Module } from '@nestjs/common';
import { HISTORY_PROVIDERS } from './history.providers';
import { HISTORY_QUERY_HANDLERS } from './history.queries';
import { HistoryResolver } from './history.resolver';
import { ProgramChangedResolver } from './program-changed.resolver';
import { ProgramHistoryFeeds } from './program-history-feeds';
import { ScheduledDigests } from './scheduled-digests';

/**
 * The auditor's side of the api: programHistory, programAsOf, verifyHistory, historyDigest,
 * the programHistoryAppended subscription, and digests written on a schedule (DIGEST_DIR). The
 * work is done by @tracker/audit (shared with the auditor CLI); this module wires it to GraphQL.
 * Also programChanged, every role's "reload now", made from the same history feed.
 */
@Module({
  providers: [...HISTORY_PROVIDERS, ...HISTORY_QUERY_HANDLERS, ProgramHistoryFeeds, HistoryResolver, ProgramChangedResolver, ScheduledDigests],
})
export class HistoryModule {}
