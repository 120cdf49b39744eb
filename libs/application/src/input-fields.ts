import { NotFoundError, ValidationError } from '@tracker/domain';
import { readableId } from './fact-reader';

/**
 * The deciders name fields in the command's terms (`organizationId`, `organizerIds`); the
 * caller should hear the input's (`id`, `organizerIds[1]`). These rewrite a DomainError's
 * field and leave every other error as it is.
 */
export type FieldLocator = (error: NotFoundError | ValidationError) => string | undefined;

/** The decider's field under the input's name (`organizationId` -> `id`). */
export const renamed =
  (fields: Readonly<Record<string, string>>): FieldLocator =>
  (error) =>
    error.field === undefined ? undefined : fields[error.field];

/**
 * For an unknown organisation reported against a whole list (`organizerIds`), the position of
 * the id in the input's list (`organizerIds[1]`, `participants[0].organizationId`).
 */
export const organizationIn =
  (fields: Readonly<Record<string, { list: readonly unknown[] | null | undefined; path: (index: number) => string }>>): FieldLocator =>
  (error) => {
    if (!(error instanceof NotFoundError) || error.entity !== 'organization' || error.field === undefined) return undefined;
    const located = fields[error.field];
    const index = located ? (located.list ?? []).findIndex((id) => readableId(id) === error.id) : -1;
    return index < 0 ? undefined : located.path(index);
  };

export function refineField(error: unknown, locators: readonly FieldLocator[]): unknown {
  if (!(error instanceof NotFoundError) && !(error instanceof ValidationError)) return error;
  const field = locators.map((locate) => locate(error)).find((found) => found !== undefined);
  if (field === undefined) return error;
  return error instanceof NotFoundError
    ? new NotFoundError(error.entity, error.id, field)
    : new ValidationError(renameSubject(error.message, error.field, field), field);
}

/** "organizationId must be an id" -> "id must be an id"; other messages are left whole. */
function renameSubject(message: string, from: string | undefined, to: string): string {
  return from !== undefined && message.startsWith(`${from} `) ? `${to}${message.slice(from.length)}` : message;
}
