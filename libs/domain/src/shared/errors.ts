/**
 * The domain's typed errors. The API maps `code` to a GraphQL error code in one place
 * (VALIDATION -> BAD_USER_INPUT, NOT_FOUND -> NOT_FOUND, CONFLICT and FORBIDDEN_TRANSITION
 * -> CONFLICT), so no resolver inspects messages. Anything thrown that is not a DomainError
 * is a bug (for example a handler that forgot to pass a fact) and should surface as internal.
 */
export type DomainErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN_TRANSITION';

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}

/** The command's input is malformed or breaks a rule about its own values. */
export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
  readonly code = 'VALIDATION';
  constructor(
    message: string,
    /** The input field at fault, in the command's terms (`endsOn`, `participants[1].name`). */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The command refers to something that was never recorded. */
export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
  readonly code = 'NOT_FOUND';
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly field?: string,
  ) {
    super(`${entity} ${id} does not exist`);
  }
}

/** The command clashes with what is already recorded (a duplicate, a closed record). */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
  readonly code = 'CONFLICT';
}

/**
 * The command names an organisation that was merged into another: the duplicate takes no new
 * records, its survivor does. A ConflictError (the input is well formed; what is recorded
 * says no), carrying the survivor so the api can name it.
 */
export class OrganizationMergedError extends ConflictError {
  constructor(
    readonly organizationId: string,
    readonly survivorId: string,
  ) {
    super(`organization ${organizationId} was merged into organization ${survivorId}: name ${survivorId} instead`);
  }
}

/** A status change that the lifecycle does not allow from the current status. */
export class ForbiddenTransitionError extends DomainError {
  override readonly name = 'ForbiddenTransitionError';
  readonly code = 'FORBIDDEN_TRANSITION';
  constructor(
    message: string,
    readonly from: string,
    readonly to: string,
  ) {
    super(message);
  }
}
