import { EventStoreDBClient, WrongExpectedVersionError as EsdbWrongExpectedVersionError } from '@eventstore/db-client';
import { InvalidAppendError, WrongExpectedVersionError } from '../errors';
import { chainHash, GENESIS_HASH, verifyStreamChain } from '../hash';
import {
  assertStorableMetadata,
  currentRevisionToVersion,
  EventStoreDbConfigurationError,
  EventStoreDbMappingError,
  EventStoreDbUnavailableError,
  fromEsdbPosition,
  fromVersionToRevision,
  isConnectionError,
  isStreamNotFound,
  isTrackerRecord,
  isWrongExpectedVersion,
  redactMessage,
  redactUrl,
  revisionToVersion,
  toClientConnectionString,
  toEsdbMetadata,
  toEsdbReadPosition,
  toExpectedRevision,
  toPortWrongExpectedVersion,
  toStoredEvent,
  versionToRevision,
  type EsdbRecord,
} from './eventstoredb.mapping';

describe('EventStoreDB mapping', () => {
  describe('connection strings', () => {
    it('translates kurrentdb:// to the esdb:// the v6 client parses', () => {
      expect(toClientConnectionString('kurrentdb://localhost:2113?tls=false')).toBe(
        'esdb://localhost:2113?tls=false&maxDiscoverAttempts=20&discoveryInterval=500',
      );
      expect(toClientConnectionString('kurrentdb+discover://admin:changeit@cluster.local:2113')).toBe(
        'esdb+discover://admin:changeit@cluster.local:2113?maxDiscoverAttempts=20&discoveryInterval=500',
      );
    });

    it('keeps esdb:// and esdb+discover:// as they are, adding only the discovery defaults', () => {
      expect(toClientConnectionString('esdb://a:2113,b:2113,c:2113?tls=false')).toBe(
        'esdb://a:2113,b:2113,c:2113?tls=false&maxDiscoverAttempts=20&discoveryInterval=500',
      );
      expect(toClientConnectionString('  ESDB+discover://cluster.local:2113  ')).toBe(
        'esdb+discover://cluster.local:2113?maxDiscoverAttempts=20&discoveryInterval=500',
      );
    });

    it('leaves a discovery setting the URL gives, in any of the spellings the client reads', () => {
      expect(toClientConnectionString('esdb://localhost:2113?tls=false&max_discover_attempts=3&DiscoveryInterval=50')).toBe(
        'esdb://localhost:2113?tls=false&max_discover_attempts=3&DiscoveryInterval=50',
      );
      expect(toClientConnectionString('esdb://localhost:2113/')).toBe('esdb://localhost:2113?maxDiscoverAttempts=20&discoveryInterval=500');
    });

    it('gives strings the v6 client accepts', () => {
      for (const url of ['kurrentdb://localhost:2113?tls=false', 'kurrentdb+discover://u:p@cluster.local:2113', 'esdb://localhost:2113/']) {
        const client = EventStoreDBClient.connectionString(toClientConnectionString(url));
        void client.dispose();
      }
    });

    it.each([
      ['an http URL', 'http://localhost:2113'],
      ['a postgres URL', 'postgres://user:secret@db:5432/tracker'],
      ['an empty string', ''],
      ['a scheme with no host', 'esdb://'],
      ['a bare host', 'localhost:2113'],
    ])('rejects %s, naming the accepted schemes', (_, url) => {
      expect(() => toClientConnectionString(url)).toThrow(EventStoreDbConfigurationError);
      expect(() => toClientConnectionString(url)).toThrow(/esdb:\/\/.*kurrentdb:\/\/|names no host/);
    });

    it('never puts the password in an error message', () => {
      let message = '';
      try {
        toClientConnectionString('postgres://tracker:s3cret-pw@db:5432/tracker');
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).toContain('postgres://***@db:5432/tracker');
      expect(message).not.toContain('s3cret-pw');
    });

    it('redacts credentials from URLs and from messages that quote them', () => {
      expect(redactUrl('esdb://admin:changeit@localhost:2113?tls=true')).toBe('esdb://***@localhost:2113?tls=true');
      expect(redactUrl('esdb://localhost:2113')).toBe('esdb://localhost:2113');
      const url = 'esdb://admin:changeit@localhost:2113';
      expect(redactMessage(`Unexpected "changeit@loc" in ${url}`, url)).toBe('Unexpected "***@loc" in esdb://***@localhost:2113');
    });
  });

  describe('positions', () => {
    it('takes the commit position, which equals the prepare position for every gRPC append', () => {
      expect(fromEsdbPosition({ commit: 18_446_744n, prepare: 18_446_744n })).toBe(18_446_744n);
    });

    it('keeps positions beyond 2^53 exact', () => {
      const huge = 2n ** 62n + 1n;
      expect(fromEsdbPosition({ commit: huge, prepare: huge })).toBe(huge);
      expect(toEsdbReadPosition(huge)).toEqual({ commit: huge, prepare: huge });
    });

    it('reads from the start for START and from the event itself for a position it handed out', () => {
      expect(toEsdbReadPosition(0n)).toBe('start');
      expect(toEsdbReadPosition(4_096n)).toEqual({ commit: 4_096n, prepare: 4_096n });
    });

    it('round-trips a position through the checkpoint and back', () => {
      const position = { commit: 123_456n, prepare: 123_456n };
      expect(toEsdbReadPosition(fromEsdbPosition(position))).toEqual(position);
    });
  });

  describe('expected versions', () => {
    it("maps 'any' to ANY, 'no_stream' and 0 to NO_STREAM, and 1-based versions to 0-based revisions", () => {
      expect(toExpectedRevision('any')).toBe('any');
      expect(toExpectedRevision('no_stream')).toBe('no_stream');
      expect(toExpectedRevision(0)).toBe('no_stream');
      expect(toExpectedRevision(1)).toBe(0n);
      expect(toExpectedRevision(42)).toBe(41n);
    });

    it('rejects a version that is not a non-negative integer', () => {
      expect(() => versionToRevision(-1)).toThrow(RangeError);
      expect(() => versionToRevision(1.5)).toThrow(RangeError);
    });

    it('gives a revision back as the 1-based stream version', () => {
      expect(revisionToVersion(0n)).toBe(1);
      expect(revisionToVersion(41n)).toBe(42);
      expect(currentRevisionToVersion('no_stream')).toBe(0);
      expect(currentRevisionToVersion(2n)).toBe(3);
    });

    it('reads a stream from revision fromVersion - 1, and from the start for 1 or less', () => {
      expect(fromVersionToRevision(1)).toBe(0n);
      expect(fromVersionToRevision(0)).toBe(0n);
      expect(fromVersionToRevision(-3)).toBe(0n);
      expect(fromVersionToRevision(3)).toBe(2n);
      expect(fromVersionToRevision(2.5)).toBe(2n);
    });
  });

  describe('the metadata envelope', () => {
    const recordedAt = new Date('2025-03-14T08:30:00.123Z');
    const fields = {
      streamId: 'agreement-1',
      streamVersion: 1,
      eventId: '0b7c9a52-2f0e-4a7e-9d8f-3c1e6a2b4d5f',
      type: 'AgreementSigned',
      schemaVersion: 2,
      data: { title: { th: 'บันทึกความเข้าใจ', en: 'Memorandum' }, amount: '1250000.50' },
      metadata: { actor: 'planner-7', commandId: 'cmd-1', correlationId: 'corr-1', causationId: 'cause-1' },
      occurredOn: '2024-02-29',
      recordedAt,
    };
    const hash = chainHash(GENESIS_HASH, fields);

    function recordOf(metadata: unknown, overrides: Partial<EsdbRecord> = {}): EsdbRecord {
      // What the client gives back: JSON parsed from the bytes it stored.
      return {
        streamId: fields.streamId,
        id: fields.eventId,
        revision: 0n,
        type: fields.type,
        isJson: true,
        data: JSON.parse(JSON.stringify(fields.data)),
        metadata: JSON.parse(JSON.stringify(metadata)),
        position: { commit: 9_000n, prepare: 9_000n },
        ...overrides,
      };
    }

    it('puts schemaVersion, occurredOn, recordedAt and hash beside the port metadata, with $correlationId and $causationId', () => {
      expect(toEsdbMetadata({ ...fields, hash })).toEqual({
        actor: 'planner-7',
        commandId: 'cmd-1',
        correlationId: 'corr-1',
        causationId: 'cause-1',
        $correlationId: 'corr-1',
        $causationId: 'cause-1',
        schemaVersion: 2,
        occurredOn: '2024-02-29',
        recordedAt: '2025-03-14T08:30:00.123Z',
        hash,
      });
    });

    it('stores no $ copies for ids the event does not have', () => {
      expect(toEsdbMetadata({ ...fields, metadata: { actor: 'diplomat-1' }, occurredOn: null, hash })).toEqual({
        actor: 'diplomat-1',
        schemaVersion: 2,
        occurredOn: null,
        recordedAt: '2025-03-14T08:30:00.123Z',
        hash,
      });
    });

    it('gives back every port field, so the hash chain verifies as it does in every adapter', () => {
      const stored = toStoredEvent(recordOf(toEsdbMetadata({ ...fields, hash })));
      expect(stored).toEqual({ ...fields, position: 9_000n, hash });
      expect(stored.recordedAt).toEqual(recordedAt);
      expect(verifyStreamChain([stored])).toBeNull();
    });

    it('gives back null occurredOn and a minimal metadata unchanged', () => {
      const minimal = { ...fields, metadata: { actor: 'diplomat-1' }, occurredOn: null };
      const stored = toStoredEvent(recordOf(toEsdbMetadata({ ...minimal, hash })));
      expect(stored.metadata).toEqual({ actor: 'diplomat-1' });
      expect(stored.occurredOn).toBeNull();
    });

    it('refuses metadata keys the envelope or EventStoreDB owns', () => {
      for (const key of ['hash', 'recordedAt', 'occurredOn', 'schemaVersion', '$correlationId']) {
        expect(() => assertStorableMetadata({ actor: 'a', [key]: 'x' } as never, 'event #0')).toThrow(InvalidAppendError);
      }
      expect(() => assertStorableMetadata({ actor: 'a', commandId: 'c', tenant: 't' } as never, 'event #0')).not.toThrow();
    });

    it.each([
      ['binary content', { isJson: false }, /content type/],
      ['data that is not an object', { data: [1, 2] }, /data is not a JSON object/],
      ['no position (a server older than 22.6)', { position: undefined }, /no position/],
    ])('names the event that cannot be read: %s', (_, overrides, reason) => {
      const record = recordOf(toEsdbMetadata({ ...fields, hash }), overrides as Partial<EsdbRecord>);
      expect(() => toStoredEvent(record)).toThrow(EventStoreDbMappingError);
      expect(() => toStoredEvent(record)).toThrow(reason);
      expect(() => toStoredEvent(record)).toThrow(fields.eventId);
    });

    it.each([
      ['no hash', { hash: undefined }],
      ['a short hash', { hash: 'abc' }],
      ['no schemaVersion', { schemaVersion: undefined }],
      ['a recordedAt that is not an instant', { recordedAt: 'yesterday' }],
      ['an occurredOn that is not a date', { occurredOn: 20240229 }],
      ['no actor', { actor: undefined }],
    ])('rejects an envelope with %s', (_, change) => {
      const record = recordOf({ ...toEsdbMetadata({ ...fields, hash }), ...change });
      expect(() => toStoredEvent(record)).toThrow(EventStoreDbMappingError);
    });

    it("tells the tracker's events from EventStoreDB's own and from other writers'", () => {
      const metadata = toEsdbMetadata({ ...fields, hash });
      expect(isTrackerRecord(recordOf(metadata))).toBe(true);
      expect(isTrackerRecord(recordOf(metadata, { type: '$statsCollected' }))).toBe(false);
      expect(isTrackerRecord(recordOf(metadata, { streamId: '$et-AgreementSigned', type: '$>' }))).toBe(false);
      expect(isTrackerRecord(recordOf({ source: 'another app' }))).toBe(false);
      expect(isTrackerRecord(recordOf(metadata, { isJson: false, metadata: new Uint8Array([1]) }))).toBe(false);
    });
  });

  describe('errors', () => {
    const esdbConflict = (current: bigint | 'no_stream') =>
      new EsdbWrongExpectedVersionError(undefined, { streamName: 'program-1', expected: 1n, current });

    it("maps the client's WrongExpectedVersionError to the port's, with the caller's expectation and a 1-based actual", () => {
      const error = toPortWrongExpectedVersion(esdbConflict(4n), 'program-1', 2);
      expect(error).toBeInstanceOf(WrongExpectedVersionError);
      expect(error).toMatchObject({ code: 'WRONG_EXPECTED_VERSION', streamId: 'program-1', expected: 2, actual: 5 });
      expect(toPortWrongExpectedVersion(esdbConflict('no_stream'), 'program-1', 3)).toMatchObject({ actual: 0 });
    });

    it("recognises the client's conflicts and missing streams by their type", () => {
      expect(isWrongExpectedVersion(esdbConflict(1n))).toBe(true);
      expect(isWrongExpectedVersion(new Error('wrong expected version'))).toBe(false);
      expect(isStreamNotFound({ type: 'stream-not-found' })).toBe(true);
      expect(isStreamNotFound(undefined)).toBe(false);
    });

    it('counts unreachable, timed out, not-leader and failed discovery as connection errors, and nothing else', () => {
      expect(isConnectionError({ type: 'unavailable', code: 14 })).toBe(true);
      expect(isConnectionError({ type: 'deadline-exceeded' })).toBe(true);
      expect(isConnectionError({ type: 'not-leader' })).toBe(true);
      expect(isConnectionError(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }))).toBe(true);
      expect(isConnectionError(new Error('Failed to discover after 20 attempts.'))).toBe(true);
      expect(isConnectionError(esdbConflict(1n))).toBe(false);
      expect(isConnectionError({ type: 'access-denied', code: 7 })).toBe(false);
      expect(isConnectionError(null)).toBe(false);
    });

    it('names the server without its credentials when it cannot be reached', () => {
      const url = 'esdb://admin:changeit@es.internal:2113?tls=true';
      const cause = new Error(`14 UNAVAILABLE: connect ECONNREFUSED (${url})`);
      const error = new EventStoreDbUnavailableError(url, 'append', cause);
      expect(error.message).toBe(
        'EventStoreDB at esdb://***@es.internal:2113?tls=true is unreachable (append): 14 UNAVAILABLE: connect ECONNREFUSED (esdb://***@es.internal:2113?tls=true)',
      );
      expect(error.cause).toBe(cause);
    });
  });
});
