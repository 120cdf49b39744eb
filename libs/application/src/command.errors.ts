import { ConflictError } from '@tracker/domain';

/**
 * The commandId was already used for another command: other input, another record, another
 * actor. Nothing is recorded. A ConflictError (name and code included), so the api maps it to
 * CONFLICT with the rest.
 */
export class CommandIdReusedError extends ConflictError {
  constructor(
    readonly commandId: string,
    readonly reason: string,
  ) {
    super(`commandId "${commandId}" was already used ${reason}; send a new commandId for a new command`);
  }
}
