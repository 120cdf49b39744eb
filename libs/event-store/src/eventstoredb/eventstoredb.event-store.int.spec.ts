import { testEnvironment } from '@tracker/config';
import { createServer } from 'node:net';
import { describeEventStoreContract } from '../event-store.contract';
import { EventStoreDbConfigurationError, EventStoreDbUnavailableError } from './eventstoredb.mapping';
import { createEventStoreDbStore } from './eventstoredb.event-store';

// The contract needs a real EventStoreDB/KurrentDB (no stand-in server): EVENTSTORE_URL, e.g.
//   docker run -d -p 2113:2113 eventstore/eventstore:24.10 --insecure --run-projections=None
//   EVENTSTORE_URL=esdb://localhost:2113?tls=false npx jest libs/event-store/src/eventstoredb
const url = testEnvironment().eventStoreUrl;

if (url) {
  describeEventStoreContract('EventStoreDB', async () => {
    const store = createEventStoreDbStore(url);
    return { store, cleanup: () => store.close() };
  });
} else {
  console.warn(
    'EventStoreDB event store contract NOT RUN: EVENTSTORE_URL is not set (no EventStoreDB/KurrentDB server). ' +
      'Set it, e.g. EVENTSTORE_URL=esdb://localhost:2113?tls=false, to run it.',
  );
}

describe('opening the EventStoreDB event store', () => {
  it('rejects a malformed URL with an error naming it and the accepted schemes', () => {
    expect(() => createEventStoreDbStore('https://events.example.org')).toThrow(EventStoreDbConfigurationError);
    expect(() => createEventStoreDbStore('https://events.example.org')).toThrow(
      /"https:\/\/events\.example\.org" is not an EventStoreDB\/KurrentDB connection string: expected esdb:\/\//,
    );
  });

  it("passes the client's parse error on without the password", () => {
    let error: unknown;
    try {
      createEventStoreDbStore('kurrentdb://admin:hunter22@localhost:notaport?tls=false');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EventStoreDbConfigurationError);
    expect((error as Error).message).toMatch(/"kurrentdb:\/\/\*\*\*@localhost:notaport\?tls=false" is not a valid connection string: .*port/);
    expect((error as Error).message).not.toContain('hunter22');
  });

  it('reports a server that is not there by its URL, without credentials', async () => {
    const port = await closedPort();
    const store = createEventStoreDbStore(`esdb://admin:hunter22@127.0.0.1:${port}?tls=false&defaultDeadline=2000`);
    try {
      const error = await store.readStream('agreement-1').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EventStoreDbUnavailableError);
      expect((error as Error).message).toContain(`EventStoreDB at esdb://***@127.0.0.1:${port}?tls=false&defaultDeadline=2000 is unreachable (readStream)`);
      expect((error as Error).message).not.toContain('hunter22');
    } finally {
      await store.close();
    }
  });
});

/** A local port nothing listens on: bound by us a moment ago, then released. */
function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
