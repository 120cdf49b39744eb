/**
 * oidc-provider's storage (sessions, interactions, grants, codes, refresh tokens) in this
 * process's memory, one store per provider. oidc-provider has a built-in one, but warns on
 * every start that it must be replaced; for a development provider memory is the point: a
 * restart forgets the sessions (the access tokens issued stay valid, being JWTs checked by key).
 */
interface Stored {
  payload: Record<string, unknown>;
  expiresAt: number | undefined;
}

/** Past this many entries, an upsert first drops the expired ones. */
const PURGE_ABOVE = 10_000;

export function memoryAdapter() {
  const store = new Map<string, Stored>();
  const now = () => Math.floor(Date.now() / 1000);
  const alive = (entry: Stored | undefined) => (entry && (entry.expiresAt === undefined || entry.expiresAt > now()) ? entry : undefined);

  return class MemoryAdapter {
    constructor(private readonly model: string) {}

    private key(id: string): string {
      return `${this.model}:${id}`;
    }

    async upsert(id: string, payload: Record<string, unknown>, expiresIn?: number): Promise<void> {
      if (store.size > PURGE_ABOVE) for (const [key, entry] of store) if (!alive(entry)) store.delete(key);
      store.set(this.key(id), { payload, expiresAt: expiresIn ? now() + expiresIn : undefined });
    }

    async find(id: string): Promise<Record<string, unknown> | undefined> {
      return alive(store.get(this.key(id)))?.payload;
    }

    async findByUid(uid: string): Promise<Record<string, unknown> | undefined> {
      return this.findBy((payload) => payload.uid === uid);
    }

    async findByUserCode(userCode: string): Promise<Record<string, unknown> | undefined> {
      return this.findBy((payload) => payload.userCode === userCode);
    }

    async consume(id: string): Promise<void> {
      const entry = alive(store.get(this.key(id)));
      if (entry) entry.payload.consumed = now();
    }

    async destroy(id: string): Promise<void> {
      store.delete(this.key(id));
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      for (const [key, entry] of store) if (entry.payload.grantId === grantId) store.delete(key);
    }

    private findBy(test: (payload: Record<string, unknown>) => boolean): Record<string, unknown> | undefined {
      const prefix = `${this.model}:`;
      for (const [key, entry] of store) if (key.startsWith(prefix) && alive(entry) && test(entry.payload)) return entry.payload;
      return undefined;
    }
  };
}
