import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { mutationErrors } from './command';

describe('mutationErrors', () => {
  it('places a BAD_USER_INPUT at the field the API names, without the input. prefix', () => {
    const error = new CombinedError({
      graphQLErrors: [
        { message: 'title needs at least one of th, en, zh', extensions: { code: 'BAD_USER_INPUT', field: 'input.title' } },
        { message: 'startsOn is not a date', extensions: { code: 'BAD_USER_INPUT', field: 'startsOn' } },
      ],
    });
    expect(mutationErrors(error)).toEqual({
      fields: { title: 'title needs at least one of th, en, zh', startsOn: 'startsOn is not a date' },
      form: null,
      code: 'BAD_USER_INPUT',
      stale: false,
    });
  });

  it('puts an error that names no field above the form, with its code, and knows a stale version', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'expected version 3, found 4', extensions: { code: 'CONFLICT', reason: 'WRONG_EXPECTED_VERSION' } }] });
    expect(mutationErrors(error)).toEqual({ fields: {}, form: 'expected version 3, found 4', code: 'CONFLICT', stale: true });
  });

  it('does not take another conflict for a stale version', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'a completed program cannot be reopened', extensions: { code: 'CONFLICT', reason: 'FORBIDDEN_TRANSITION' } }] });
    expect(mutationErrors(error)).toMatchObject({ code: 'CONFLICT', stale: false });
  });

  it('reports a network failure above the form', () => {
    const error = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(mutationErrors(error)).toMatchObject({ fields: {}, form: 'Failed to fetch', code: null });
  });

  it('is empty when there is no error', () => {
    expect(mutationErrors(undefined)).toEqual({ fields: {}, form: null, code: null, stale: false });
  });
});
