/**
 * @tracker/application: the command side. `CommandService` turns the contract's mutation
 * inputs into domain commands (ids, facts, metadata), decides and appends through the
 * EventStore port, idempotently by commandId. `loadReferenceCase` tells the reference case
 * through it. No framework: the api's NestJS handlers wrap it.
 */
export { CommandService } from './command.service';
export type { CommandContext, CommandResult, NewRecordOptions } from './command-context';
export type * from './command-inputs';
export { CommandIdReusedError } from './command.errors';
export { COMMAND_ID_NAMESPACE, commandIds, deterministicUuid, type CommandIds } from './deterministic-uuid';
export { loadReferenceCase, type ReferenceCaseContext, type ReferenceCaseLoaded } from './reference-case/load-reference-case';
