import { COMMAND_ID_NAMESPACE, commandIds, deterministicUuid } from './deterministic-uuid';

describe('deterministicUuid', () => {
  it('computes the RFC 9562 version 5 UUID (the DNS namespace example)', () => {
    expect(deterministicUuid('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe(
      '2ed6657d-e927-568b-95e1-2665a8aea6a2',
    );
  });

  it('gives the same lowercase UUID for the same name, and another for another name', () => {
    const id = deterministicUuid(COMMAND_ID_NAMESPACE, 'cmd-1/event/0');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deterministicUuid(COMMAND_ID_NAMESPACE, 'cmd-1/event/0')).toBe(id);
    expect(deterministicUuid(COMMAND_ID_NAMESPACE, 'cmd-1/event/1')).not.toBe(id);
  });

  it('hashes names as UTF-8, so Thai command ids are stable too', () => {
    expect(deterministicUuid(COMMAND_ID_NAMESPACE, 'คำสั่ง-๑')).toBe(deterministicUuid(COMMAND_ID_NAMESPACE, 'คำสั่ง-๑'));
    expect(deterministicUuid(COMMAND_ID_NAMESPACE, 'คำสั่ง-๑')).not.toBe(deterministicUuid(COMMAND_ID_NAMESPACE, 'คำสั่ง-๒'));
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => deterministicUuid('not-a-uuid', 'x')).toThrow(TypeError);
  });
});

describe('commandIds', () => {
  it('derives distinct aggregate and event ids from one commandId, the same on every call', () => {
    const ids = commandIds('reference-case/launch-program');
    const again = commandIds('reference-case/launch-program');
    expect(again.aggregateId).toBe(ids.aggregateId);
    expect([0, 1].map(again.eventId)).toEqual([0, 1].map(ids.eventId));
    expect(new Set([ids.aggregateId, ids.eventId(0), ids.eventId(1)]).size).toBe(3);
  });
});
