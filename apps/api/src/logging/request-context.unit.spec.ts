import { requestIdsFrom } from './request-context';

describe('request ids', () => {
  it('takes the caller’s x-request-id and x-correlation-id', () => {
    expect(requestIdsFrom({ 'x-request-id': 'req-1', 'x-correlation-id': 'flow-9' })).toEqual({ requestId: 'req-1', correlationId: 'flow-9' });
  });

  it('uses the request id as correlation id when none is sent', () => {
    expect(requestIdsFrom({ 'x-request-id': 'req-1' })).toEqual({ requestId: 'req-1', correlationId: 'req-1' });
  });

  it('makes up an id rather than log a header that is too long or not printable', () => {
    const ids = requestIdsFrom({ 'x-request-id': 'x'.repeat(200), 'x-correlation-id': 'line\nbreak' });
    expect(ids.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids.correlationId).toBe(ids.requestId);
  });
});
