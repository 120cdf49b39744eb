import { AuthenticationError } from '../auth/auth.errors';
import { commandMetadata } from './command-metadata';

describe('commandMetadata', () => {
  const context = { user: { subject: 'somchai', roles: ['diplomat' as const] }, requestId: 'req-1', correlationId: 'flow-1' };

  it('stamps the caller as actor, the correlation id, and the command id as causation', () => {
    expect(commandMetadata(context, 'cmd-1', new Date('2019-12-16T02:00:00Z'))).toEqual({
      actor: 'somchai',
      now: '2019-12-16T02:00:00.000Z',
      commandId: 'cmd-1',
      correlationId: 'flow-1',
      causationId: 'cmd-1',
    });
  });

  it('draws a command id when the client sent none', () => {
    expect(commandMetadata(context).commandId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a command without a caller', () => {
    expect(() => commandMetadata({ ...context, user: null })).toThrow(AuthenticationError);
  });
});
