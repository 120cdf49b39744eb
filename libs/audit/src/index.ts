/**
 * @tracker/audit: what an auditor asks of the tracker, framework-free, shared by the api's
 * history module and the auditor CLI: a program's timeline (ProgramEventSource), the program
 * as it was known at an instant (programAsOf, replaying the projector's own projections),
 * hash-chain verification (verifyProgramHistory, verifyStoreHistory) and the live feed of a
 * program's new events (ProgramHistoryFeed).
 */
export { toHistoryEvent, isRecordId, type HistoryEvent } from './history-event';
export { eachProgramEvent, type ProgramEventSource, type ProgramEventsPage, type RecordedWindow } from './program-events.source';
export { PostgresProgramEvents } from './postgres-program-events.source';
export { PortProgramEvents } from './port-program-events.source';
export { programEventSource, type ProgramEventsConfig } from './program-events.factory';
export { programIndexSnapshot, indexedStreamIds, PROGRAM_HISTORY_PROJECTION, type ProgramIndexSnapshot } from './program-index';
export { PostgresStreamHeads, type StreamHead, type StreamHeads } from './stream-heads';
export {
  verifyProgramHistory,
  verifyStoreHistory,
  MAX_PROBLEMS_LISTED,
  type IntegrityProblem,
  type IntegrityProblemKind,
  type IntegrityReport,
  type VerifyDependencies,
  type VerifyProgress,
} from './history-verifier';
export { BusinessDates } from './business-dates';
export { programAsOf, ProgramSnapshot, type AsOfQuery, type OutcomeTotalRow } from './program-as-of';
export { ProgramHistoryFeed, ProgramMembership, type FeedDependencies, type FeedOptions } from './program-history.feed';
export {
  takeHistoryDigest,
  checkHistoryDigest,
  validateKeptDigest,
  digestDocument,
  parseDigestDocument,
  DigestInputError,
  DIGEST_ALGORITHM,
  MAX_CHECKPOINTS,
  type HistoryDigest,
  type DigestCheckpoint,
  type KeptDigest,
  type DigestCheck,
} from './history-digest';
export { logHashes, PostgresLogHashes, PortLogHashes, type LogHashes, type LogHashEntry } from './log-hashes';
