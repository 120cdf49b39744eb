import { canonicalJson, chainHash, GENESIS_HASH } from './hash';

describe('canonicalJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text whatever the insertion order', () => {
    expect(canonicalJson({ x: 1, y: [1, 2] })).toBe(canonicalJson({ y: [1, 2], x: 1 }));
  });

  it('sorts keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalJson({ é: 1, z: 2, Z: 3, '10': 4, '9': 5 })).toBe('{"10":4,"9":5,"Z":3,"z":2,"é":1}');
  });

  it('writes numbers and strings as JSON.stringify does', () => {
    expect(canonicalJson([1e21, 0.1, -0, 1e-7, 'ไทย "q"\n'])).toBe('[1e+21,0.1,0,1e-7,"ไทย \\"q\\"\\n"]');
  });

  it('leaves out object members whose value is undefined, as JSON and jsonb do', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toBe('{"a":1}');
  });

  it.each([
    ['a function', { f: () => 1 }],
    ['a BigInt', { n: 1n }],
    ['NaN', { n: Number.NaN }],
    ['undefined at the top', undefined],
    ['undefined in an array', [undefined]],
    ['a hole in an array', new Array(2)],
    ['a Date', { at: new Date(0) }],
    ['a Map', new Map()],
    ['a symbol', { s: Symbol('s') }],
    ['a lone surrogate', { s: '\udc00' }],
    ['U+0000 in a key', { 'a\u0000': 1 }],
  ])('refuses %s', (_, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });

  it('refuses a cycle but accepts the same object twice side by side', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalJson(cyclic)).toThrow(/circular/);
  });
});

describe('chainHash', () => {
  const event = {
    streamId: 'agreement-1',
    streamVersion: 1,
    eventId: '3f1c6a0e-8d2b-4c61-9e0a-5b7d2f4c8a11',
    type: 'AgreementSigned',
    schemaVersion: 1,
    data: { title: 'MoU' },
    metadata: { actor: 'planner-1' },
    occurredOn: '2024-01-02',
    recordedAt: new Date('2024-01-03T04:05:06.789Z'),
  };

  // Pinned, from the canonical text written out by hand: a change here means every stored
  // chain would stop verifying.
  it('is the hex SHA-256 of the previous hash and the canonical event', () => {
    expect(chainHash(GENESIS_HASH, event)).toBe('0feb61c0b3a589780e6380402489441897699248ba6eca1722138bfd0dd8c175');
  });

  it('hashes exactly canonicalJson of the hashed fields, with or without their canonical parts given', () => {
    const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const odd = { ...event, type: 'T\u00e9"\\', streamId: 'stream \ud83d\ude00', occurredOn: undefined, data: { '10': 1, '9': [{ b: 2, a: 'ไทย' }] } };
    const { recordedAt, ...rest } = odd;
    for (const fields of [event, odd]) {
      const expected = createHash('sha256')
        .update('prev', 'utf8')
        .update(canonicalJson({ ...rest, ...fields, recordedAt: fields.recordedAt.toISOString(), occurredOn: fields.occurredOn ?? null }), 'utf8')
        .digest('hex');
      expect(chainHash('prev', fields)).toBe(expected);
      expect(chainHash('prev', fields, { data: canonicalJson(fields.data), metadata: canonicalJson(fields.metadata) })).toBe(expected);
    }
    expect(recordedAt).toBe(event.recordedAt);
  });

  it('depends on the previous hash and on every hashed field', () => {
    const base = chainHash(GENESIS_HASH, event);
    expect(chainHash('00', event)).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...event, occurredOn: null })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...event, recordedAt: new Date('2024-01-03T04:05:06.788Z') })).not.toBe(base);
    expect(chainHash(GENESIS_HASH, { ...event, metadata: { actor: 'planner-2' } })).not.toBe(base);
  });
});
