/**
 * @tracker/application: the command side. One file per command (its input, its command class
 * and the handler holding its plan: which facts to read, which domain command to build), in
 * its feature's folder; `CommandExecutor` runs the steps they share (ids from the commandId,
 * idempotency, expected version, decide, append). The api sends commands through
 * @nestjs/cqrs's CommandBus; other code gets the same bus from `commandBusFor(store)`.
 * `loadReferenceCase` tells the reference case through it.
 */
export * from './activities';
export * from './agreements';
export * from './follow-ups';
export * from './organizations';
export * from './outcomes';
export * from './programs';
export { CommandExecutor, TrackerCommand, type Idempotent, type Versioned } from './command-executor';
export { COMMAND_HANDLERS, commandBusFor } from './command-handlers';
export type { CommandContext, CommandResult, NewRecordOptions } from './command-context';
export { CommandIdReusedError } from './command.errors';
export { COMMAND_ID_NAMESPACE, commandIds, deterministicUuid, type CommandIds } from './deterministic-uuid';
export { loadReferenceCase, type ReferenceCaseContext, type ReferenceCaseLoaded } from './reference-case/load-reference-case';
