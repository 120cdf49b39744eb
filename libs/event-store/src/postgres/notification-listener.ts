import { Client, type ClientConfig } from 'pg';

const FIRST_RECONNECT_MS = 100;
const MAX_RECONNECT_MS = 5000;

/**
 * One dedicated connection LISTENing on a channel, shared by a store's subscriptions.
 * Connects on the first `subscribe`; if the connection drops, reconnects with a growing
 * backoff (subscriptions keep polling meanwhile).
 *
 * Notifications sent before LISTEN took effect are lost, so once listening it runs
 * `headQuery` and hands its result to the subscribers as if notified: an event committed
 * meanwhile is then known to exist even if readers cannot see it yet.
 */
export class NotificationListener {
  private readonly subscribers = new Set<(payload?: string) => void>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    private readonly connection: ClientConfig,
    private readonly channel: string,
    /** One row, one text column: the payload to announce after (re)connecting. */
    private readonly headQuery: string,
  ) {}

  subscribe(subscriber: (payload?: string) => void): () => void {
    this.subscribers.add(subscriber);
    if (!this.client && !this.connecting && !this.retryTimer) this.connect(FIRST_RECONNECT_MS);
    return () => this.subscribers.delete(subscriber);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.connecting;
    await this.client?.end().catch(() => undefined);
    this.client = undefined;
  }

  private connect(backoffMs: number): void {
    this.retryTimer = undefined;
    if (this.closed) return;
    const client = new Client(this.connection);
    // A lost connection emits 'error' then 'end'; 'end' drives the reconnect.
    client.on('error', () => undefined);
    this.connecting = (async () => {
      let head: string | undefined;
      try {
        await client.connect();
        await client.query(`listen ${client.escapeIdentifier(this.channel)}`);
        head = (await client.query<[string | null]>({ text: this.headQuery, rowMode: 'array' })).rows[0]?.[0] ?? undefined;
      } catch {
        await client.end().catch(() => undefined);
        this.scheduleReconnect(backoffMs);
        return;
      }
      if (this.closed) {
        await client.end().catch(() => undefined);
        return;
      }
      client.on('notification', (message) => this.notify(message.payload));
      client.once('end', () => {
        if (this.client !== client) return;
        this.client = undefined;
        this.scheduleReconnect(FIRST_RECONNECT_MS);
      });
      this.client = client;
      this.notify(head ?? undefined);
    })().finally(() => {
      this.connecting = undefined;
    });
  }

  private scheduleReconnect(backoffMs: number): void {
    if (this.closed) return;
    this.retryTimer = setTimeout(() => this.connect(Math.min(backoffMs * 2, MAX_RECONNECT_MS)), backoffMs);
  }

  private notify(payload: string | undefined): void {
    for (const subscriber of this.subscribers) subscriber(payload);
  }
}
