import type { Migration } from '@tracker/database';

/**
 * foldForSearch in SQL, applied to a stored search_text (already lower case) by migration 003.
 * Frozen with that migration: a later change of foldForSearch needs a migration of its own.
 */
const FOLD_STORED_SEARCH_TEXT = `lower(normalize(replace(translate(search_text,
  U&'\\0E50\\0E51\\0E52\\0E53\\0E54\\0E55\\0E56\\0E57\\0E58\\0E59\\0E47\\0E48\\0E49\\0E4A\\0E4B\\0E4C\\00AD\\200B\\200C\\200D\\2060\\FEFF',
  '0123456789'), U&'\\0E40\\0E40', U&'\\0E41'), NFKC))`;

/**
 * The read model's tables. The SQL is unqualified on purpose: it runs with search_path set
 * to the schema being built, `read_model` for the live tables or a shadow schema during a
 * rebuild, so one set of migrations serves both (see schema.ts). Each schema keeps its own
 * schema_migrations table, which moves with it when a rebuild swaps schemas.
 *
 * Lists (partners, organizers, participants, topics) are jsonb: a row is one aggregate's
 * current state, written whole by its projection, and GIN indexes answer "which rows
 * mention organisation X". search_text holds the row's Thai/English/Chinese words, folded by
 * foldForSearch since migration 003, for pg_trgm, which indexes Thai only because the
 * database's LC_CTYPE is C.UTF-8.
 */
export const readModelMigrations: Migration[] = [
  {
    id: 'read-model/001-tables',
    sql: `
      create extension if not exists pg_trgm with schema public;

      create table projection_checkpoints (
        projection text primary key,
        position bigint not null default 0,
        failed_at_position bigint,
        error text,
        updated_at timestamptz not null default now()
      );

      create table organizations (
        id uuid primary key,
        name jsonb not null,
        kind text not null,
        country text,
        parent_id uuid,
        search_text text not null,
        version int not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        last_position bigint not null
      );
      create index organizations_search on organizations using gin (search_text public.gin_trgm_ops);
      create index organizations_kind on organizations (kind);

      create table programs (
        id uuid primary key,
        title jsonb not null,
        summary text,
        status text not null,
        started_on date,
        partners jsonb not null,
        search_text text not null,
        version int not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        last_position bigint not null
      );
      create index programs_search on programs using gin (search_text public.gin_trgm_ops);
      create index programs_partners on programs using gin (partners jsonb_path_ops);
      create index programs_status on programs (status);

      create table agreements (
        id uuid primary key,
        title jsonb not null,
        party_ids jsonb not null,
        program_id uuid,
        status text not null,
        signed_on date,
        expires_on date,
        terminated_on date,
        version int not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        last_position bigint not null
      );
      create index agreements_program on agreements (program_id);

      create table activities (
        id uuid primary key,
        kind text not null,
        title jsonb not null,
        program_id uuid,
        starts_on date not null,
        ends_on date not null,
        location jsonb,
        organizer_ids jsonb not null,
        participants jsonb not null,
        organization_ids jsonb not null,
        topics jsonb not null,
        summary text,
        search_text text not null,
        version int not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        last_position bigint not null
      );
      create index activities_program on activities (program_id, starts_on, id);
      create index activities_dates on activities (starts_on, id);
      create index activities_organizations on activities using gin (organization_ids jsonb_path_ops);
      create index activities_search on activities using gin (search_text public.gin_trgm_ops);

      create table outcomes (
        id uuid primary key,
        program_id uuid not null,
        activity_id uuid,
        kind text not null,
        amount numeric,
        currency text,
        quantity int,
        description text,
        version int not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        last_position bigint not null
      );
      create index outcomes_program on outcomes (program_id);
      create index outcomes_activity on outcomes (activity_id);

      create table follow_ups (
        id uuid primary key,
        activity_id uuid not null,
        program_id uuid,
        description text not null,
        owner_id uuid,
        due_on date,
        status text not null,
        note text,
        closed_on date,
        version int not null,
        created_at timestamptz not null,
        updated_at timestamptz not null,
        last_position bigint not null
      );
      create index follow_ups_activity on follow_ups (activity_id);
      create index follow_ups_program on follow_ups (program_id, status);

      -- The history index: which streams belong to which program, and every position
      -- that touched it, so a program's history costs its own events, not the store's.
      create table program_streams (
        stream_id text primary key,
        program_id uuid not null,
        last_position bigint not null
      );
      create table program_events (
        program_id uuid not null,
        position bigint not null,
        recorded_at timestamptz not null,
        primary key (program_id, position)
      );
    `,
  },
  {
    // The auditor's program verification and live feed list a program's streams: without
    // this, that reads every stream of the store.
    id: 'read-model/002-program-streams-by-program',
    sql: `create index program_streams_program on program_streams (program_id);`,
  },
  {
    // search_text became folded by foldForSearch (libs/domain/src/shared/search-folding.ts):
    // Thai tone marks, thanthakhat, mai taikhu and invisible characters dropped, Thai digits
    // read as Arabic, "เเ" read as "แ", NFKC, lower case. Rows already stored hold only the
    // lower-cased words, so they are folded here in SQL, step for step as the function does
    // (translate drops the characters that have no counterpart in its third argument). The
    // api folds search terms the same way from its first start on this version, so without
    // this step an old row with a tone mark could be found neither with nor without it.
    // Folding the stored lower case instead of the original words can differ from a rebuild
    // only where NFKC turns a caseless compatibility character into a capital outside ASCII
    // (a mathematical capital sigma, say), on which PostgreSQL's lower() and JavaScript's
    // toLowerCase may disagree; a full rebuild gives those the function's exact result.
    id: 'read-model/003-fold-search-text',
    sql: ['organizations', 'programs', 'activities']
      .map((table) => `update ${table} set search_text = ${FOLD_STORED_SEARCH_TEXT} where search_text is distinct from ${FOLD_STORED_SEARCH_TEXT};`)
      .join('\n'),
  },
  {
    // The followUps query across programs lists soonest due first, undated last, the id
    // breaking ties: coalesce(due_on, 'infinity') is its sort key (and its cursor), so each
    // index below ends with it and id. One per filter it may start from: none, status (also
    // dueBy, which means status OPEN and a bound on the sort key), owner, program.
    id: 'read-model/004-follow-ups-across-programs',
    sql: `
      create index follow_ups_due on follow_ups ((coalesce(due_on, 'infinity'::date)), id);
      create index follow_ups_status_due on follow_ups (status, (coalesce(due_on, 'infinity'::date)), id);
      create index follow_ups_owner_due on follow_ups (owner_id, (coalesce(due_on, 'infinity'::date)), id);
      create index follow_ups_program_due on follow_ups (program_id, (coalesce(due_on, 'infinity'::date)), id);
    `,
  },
  {
    // Issue 11, activities and outcomes. Rows written before it read as the events do once
    // upcast: an activity logged before statuses existed was HELD, no outcome was voided.
    // Activities are listed by (starts_on, id), so a status filter is answered in that order.
    // program_events names the stream of each indexed event: once an activity can move to
    // another program, a program's streams (program_streams, the current links) no longer list
    // every stream its history went through, and the EventStoreDB source reads those too.
    id: 'read-model/005-activity-status-outcome-void',
    sql: `
      alter table activities add column status text not null default 'HELD';
      create index activities_status on activities (status, starts_on, id);
      alter table outcomes add column voided boolean not null default false;
      alter table program_events add column stream_id text;
    `,
  },
  {
    // Organisation merges (issue 11): the duplicate's row says where it went (readers follow
    // it); organization_programs tells the history index which programs a merge belongs to.
    // On a database projected before this migration, organization_programs is filled from the
    // rows the other projections keep, which name the same organisations; a rebuild fills it
    // from the events (and here inserts nothing: its shadow tables start empty).
    id: 'read-model/006-organization-merges',
    sql: `
      alter table organizations
        add column merged_into uuid,
        add column merged_at timestamptz,
        add column merge_reason text;
      create index organizations_merged_into on organizations (merged_into) where merged_into is not null;

      create table organization_programs (
        organization_id uuid primary key,
        program_ids jsonb not null,
        merge_position bigint,
        merge_recorded_at timestamptz,
        last_position bigint not null
      );
      create index organization_programs_programs on organization_programs using gin (program_ids jsonb_path_ops);

      insert into organization_programs (organization_id, program_ids, last_position)
      select named.organization_id::uuid, jsonb_agg(distinct named.program_id), 0
        from (
          select p.id::text as program_id, partner->>'organizationId' as organization_id
            from programs p cross join jsonb_array_elements(p.partners) partner
          union
          select a.program_id::text, organization.id from activities a cross join jsonb_array_elements_text(a.organization_ids) as organization(id)
           where a.program_id is not null
          union
          select g.program_id::text, party.id from agreements g cross join jsonb_array_elements_text(g.party_ids) as party(id)
           where g.program_id is not null
          union
          select f.program_id::text, f.owner_id::text from follow_ups f
           where f.program_id is not null and f.owner_id is not null
        ) named
       group by named.organization_id;
    `,
  },
];
