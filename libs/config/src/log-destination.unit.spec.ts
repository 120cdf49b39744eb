import { logDestination, logFormatFor } from './log-destination';

describe('the log format', () => {
  it('is readable lines when a person runs the app in a terminal', () => {
    expect(logFormatFor(undefined, true)).toBe('pretty');
  });

  it('is JSON when stdout is not a terminal (Docker, CI, a pipe)', () => {
    expect(logFormatFor(undefined, false)).toBe('json');
  });

  it('is what LOG_FORMAT says, terminal or not', () => {
    expect(logFormatFor('json', true)).toBe('json');
    expect(logFormatFor('pretty', false)).toBe('pretty');
  });
});

describe('the log destination', () => {
  it("is pino's own stdout for JSON", () => {
    expect(logDestination('json')).toBeUndefined();
  });

  it('is an in-process pino-pretty stream for pretty lines (no worker thread to resolve)', () => {
    const stream = logDestination('pretty');
    expect(typeof stream?.write).toBe('function');
    (stream as unknown as NodeJS.WritableStream).end?.();
  });
});
