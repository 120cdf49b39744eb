import type { CommandMetadata, Decider } from '../shared/decider';
import { fold } from '../shared/decider';

type ErrorClass = new (...args: any[]) => Error;

/**
 * Decider specs read as Given events / When command / Then events or Then error:
 *
 *   spec.given([programLaunched]).when(addPartner).then([partnerAdded]);
 *   spec.given([programLaunched, completed]).when(addPartner).thenThrows(ConflictError, /takes no new partners/);
 */
export function deciderSpec<C, E, S>(decider: Decider<C, E, S>) {
  return {
    given: (events: readonly E[]) => ({
      when: (command: C) => {
        const run = () => decider.decide(command, fold(decider, events));
        return {
          then(expected: readonly E[]): void {
            const actual = run();
            expect(actual).toEqual(expected);
            // Events are stored as JSON: anything that would not survive the trip (undefined, Date, bigint) is a bug.
            expect(JSON.parse(JSON.stringify(actual))).toStrictEqual(actual);
          },
          /** `field`, when given, is the input the error must name (ValidationError, NotFoundError). */
          thenThrows(errorClass: ErrorClass, message?: string | RegExp, field?: string): void {
            expect(run).toThrow(errorClass);
            if (message !== undefined) expect(run).toThrow(message);
            if (field !== undefined) expect(caught(run)).toMatchObject({ field });
          },
        };
      },
    }),
  };
}

function caught(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the command to be refused');
}

/** Metadata for commands in tests: a fixed actor and clock (16 Dec 2019, 10:00 in Bangkok). */
export const testMetadata: CommandMetadata = {
  actor: 'test-user',
  now: '2019-12-16T10:00:00+07:00',
};
