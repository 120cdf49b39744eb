/**
 * The PostgreSQL event store's schema, applied by @tracker/database's runMigrations
 * (the store itself never touches DDL). Ids are forever; add new migrations, never edit one.
 *
 * Gap-free global order (see README): appends take their transaction id and their positions
 * inside one short critical section, so transaction-id order equals position order, and
 * readers only hand out events of transactions older than the oldest one still running.
 */

/** Advisory lock (two-int form) around position allocation: ('TRKR', 1). */
const POSITIONS_LOCK = [0x54524b52, 1] as const;

/** Channel each append NOTIFYs with its last position, in its own transaction. */
export const EVENTS_CHANNEL = 'tracker_events';

export const eventStoreMigrations: { id: string; sql: string }[] = [
  {
    id: 'event-store/001-events',
    sql: `
      -- CACHE 1 is load-bearing: a per-session cache would hand positions out of order
      -- across sessions and break "transaction-id order = position order".
      create sequence events_position_seq as bigint minvalue 1 cache 1;

      create table streams (
        stream_id text primary key,
        version integer not null check (version >= 0),
        -- hash of the stream's last event: the next append chains from it
        last_hash text not null
      );

      create table events (
        position bigint primary key,
        -- the appending transaction; readAll only returns rows whose transaction is older
        -- than every running one
        transaction_id xid8 not null,
        stream_id text not null,
        stream_version integer not null check (stream_version >= 1),
        event_id uuid not null unique,
        type text not null,
        schema_version integer not null check (schema_version >= 1),
        data jsonb not null check (jsonb_typeof(data) = 'object'),
        metadata jsonb not null check (jsonb_typeof(metadata) = 'object'),
        recorded_at timestamptz not null,
        occurred_on date,
        hash text not null,
        unique (stream_id, stream_version)
      );
      -- No index on transaction_id: positions follow transaction ids, so readers scan the
      -- primary key in position order and filter.

      -- Corrections are new events; nothing is ever edited or deleted.
      create function tracker_events_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'events are append-only (% refused)', tg_op;
      end $$;
      create trigger events_append_only before update or delete on events
        for each row execute function tracker_events_append_only();
      create trigger events_no_truncate before truncate on events
        for each statement execute function tracker_events_append_only();

      -- Must be the append transaction's first statement. Taking the xid and the positions
      -- under one lock makes xid order equal position order across appends. The lock is
      -- session-level so it can be released at once, long before commit; the caller must
      -- drop the connection if this call fails (the lock may still be held).
      create function tracker_allocate_positions(n integer, out transaction_id xid8, out positions bigint[])
      language plpgsql as $$
      begin
        if pg_current_xact_id_if_assigned() is not null then
          raise exception 'tracker_allocate_positions must run before the transaction writes anything';
        end if;
        if n is null or n < 1 then
          raise exception 'tracker_allocate_positions needs n >= 1, got %', n;
        end if;
        perform pg_advisory_lock(${POSITIONS_LOCK[0]}, ${POSITIONS_LOCK[1]});
        transaction_id := pg_current_xact_id();
        positions := array(select nextval('events_position_seq') from generate_series(1, n) order by 1);
        perform pg_advisory_unlock(${POSITIONS_LOCK[0]}, ${POSITIONS_LOCK[1]});
      end $$;
    `,
  },
  {
    // One round trip for everything an append does before its INSERT: positions and xid (in
    // the critical section above, still first), then the stream's row, created if new and
    // locked. Each round trip counts: under concurrent load an append's cost is mostly them.
    id: 'event-store/002-begin-append',
    sql: `
      create function tracker_begin_append(p_stream_id text, p_count integer,
        out transaction_id xid8, out positions bigint[], out version integer, out last_hash text)
      language plpgsql as $$
      begin
        select a.transaction_id, a.positions into transaction_id, positions from tracker_allocate_positions(p_count) a;
        -- A concurrent creator of the same stream makes this wait, then do nothing.
        insert into streams (stream_id, version, last_hash) values (p_stream_id, 0, '') on conflict (stream_id) do nothing;
        select s.version, s.last_hash into version, last_hash from streams s where s.stream_id = p_stream_id for update;
      end $$;
    `,
  },
  {
    // The whole append in one round trip (and one statement, so no BEGIN/COMMIT trips either),
    // for a caller that already knows the stream's head (a new stream, or one it just read or
    // appended to) and so could chain the hashes before asking: positions and xid first, as
    // ever; then the head moves only if it is still the one the caller chained from, which is
    // also the version check and the row lock; then the events. When the head has moved, it
    // writes nothing and returns the head it found (position null): the caller decides from
    // that (wrong expected version, or the two-round-trip path of tracker_begin_append).
    id: 'event-store/003-append',
    sql: `
      create function tracker_append(p_stream_id text, p_version integer, p_last_hash text,
        p_recorded_at timestamptz, p_events jsonb,
        out "position" bigint, out version integer, out last_hash text)
      language plpgsql as $$
      declare
        v_count integer := jsonb_array_length(p_events);
        v_hash text := p_events -> (v_count - 1) ->> 'hash';
        v_transaction_id xid8;
        v_first bigint;
      begin
        -- tracker_allocate_positions inlined (its SPI statements cost more than the rest of an
        -- append): xid and positions under the lock. The positions are consecutive, as no one
        -- draws from the sequence without the lock.
        if pg_current_xact_id_if_assigned() is not null then
          raise exception 'tracker_append must run before the transaction writes anything';
        end if;
        perform pg_advisory_lock(${POSITIONS_LOCK[0]}, ${POSITIONS_LOCK[1]});
        v_transaction_id := pg_current_xact_id();
        v_first := nextval('events_position_seq');
        if v_count > 1 then
          perform setval('events_position_seq', v_first + v_count - 1);
        end if;
        perform pg_advisory_unlock(${POSITIONS_LOCK[0]}, ${POSITIONS_LOCK[1]});
        if p_version = 0 then
          insert into streams (stream_id, version, last_hash) values (p_stream_id, v_count, v_hash)
            on conflict (stream_id) do nothing;
        else
          update streams s set version = p_version + v_count, last_hash = v_hash
           where s.stream_id = p_stream_id and s.version = p_version and s.last_hash = p_last_hash;
        end if;
        if not found then
          select s.version, s.last_hash into version, last_hash from streams s where s.stream_id = p_stream_id;
          version := coalesce(version, 0);
          last_hash := coalesce(last_hash, '');
          return;
        end if;
        insert into events (position, transaction_id, stream_id, stream_version, event_id, type, schema_version,
          data, metadata, recorded_at, occurred_on, hash)
        select v_first + b.stream_version - p_version - 1, v_transaction_id, p_stream_id, b.stream_version, b.event_id,
          b.type, b.schema_version, b.data, b.metadata, p_recorded_at, b.occurred_on, b.hash
        from jsonb_to_recordset(p_events) as b(stream_version integer, event_id uuid, type text, schema_version integer,
          data jsonb, metadata jsonb, occurred_on date, hash text);
        "position" := v_first + v_count - 1;
        version := p_version + v_count;
        last_hash := v_hash;
      end $$;
    `,
  },
];
