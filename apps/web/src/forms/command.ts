import { useCallback, useState } from 'react';
import type { CombinedError } from 'urql';

/**
 * The commandId of one form: made when the form opens and sent with every try, so a double click
 * or a retry after a network error records once (the API answers a repeated commandId with the
 * first result). A new one only after a save succeeded and the form is used again.
 */
export function useCommandId(initial?: string): { commandId: string; next(): void } {
  // `initial`: the commandId of a restored draft, so a save retried after a reload still records once.
  const [commandId, setCommandId] = useState(() => initial ?? crypto.randomUUID());
  const next = useCallback(() => setCommandId(crypto.randomUUID()), []);
  return { commandId, next };
}

export interface MutationErrors {
  /** Messages by the input field the API named (extensions.field, e.g. "title" or "participants.0.name"). */
  fields: Record<string, string>;
  /** What belongs to no field: a conflict, a refusal, the network. */
  form: string | null;
  code: string | null;
  /**
   * The record moved on since the form read its version (CONFLICT, reason WRONG_EXPECTED_VERSION):
   * someone else changed it; the screen says so and offers the record as it is now.
   */
  stale: boolean;
}

/**
 * A failed mutation's errors, placed where a person looks: at the field the API names, otherwise
 * above the form. The API names fields of the command's input, without the `input.` prefix.
 */
export function mutationErrors(error: CombinedError | undefined): MutationErrors {
  const result: MutationErrors = { fields: {}, form: null, code: null, stale: false };
  if (!error) return result;
  if (error.networkError && error.graphQLErrors.length === 0) {
    result.form = error.networkError.message;
    return result;
  }
  for (const graphqlError of error.graphQLErrors) {
    const code = typeof graphqlError.extensions?.code === 'string' ? graphqlError.extensions.code : null;
    result.code ??= code;
    if (code === 'CONFLICT' && graphqlError.extensions?.reason === 'WRONG_EXPECTED_VERSION') result.stale = true;
    const field = typeof graphqlError.extensions?.field === 'string' ? graphqlError.extensions.field.replace(/^input\./, '') : null;
    if (field && !(field in result.fields)) result.fields[field] = graphqlError.message;
    else result.form ??= graphqlError.message;
  }
  return result;
}
