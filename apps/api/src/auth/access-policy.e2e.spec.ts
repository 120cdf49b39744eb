import { CommandBus } from '@nestjs/cqrs';
import type { AddressInfo } from 'node:net';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { AddFollowUp, AddProgramPartner, CloseFollowUp, LaunchProgram, LogActivity, RecordAgreement, RecordOutcome, RegisterOrganization } from '@tracker/application';
import { getNamedType, isLeafType, isNonNullType, isScalarType, type GraphQLSchema } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { loadContractSchema, rootOperations } from '../testing/contract';
import { codesOf, type GraphQLBody } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
import { bearer } from '../testing/test-tokens';
import { watchFeeds } from '../history/testing/feeds-live';
import { ACCESS_POLICY } from './access-policy';
import { ROLES, type Role } from './roles';

// One app for the file, no projector: the matrix is about who may call what, so mutations
// answer at once with projected: false (readYourWritesTimeoutMs 0).
let api: TestApp;

beforeAll(async () => {
  api = await startTestApp({ readYourWritesTimeoutMs: 0 });
});

afterAll(async () => {
  await api?.close();
});

const contract = rootOperations(loadContractSchema());

describe('the access policy against the served schema and the contract', () => {
  let served: string[];

  beforeAll(() => {
    served = rootOperations(api.app.get(GraphQLSchemaHost).schema);
  });

  it('has a rule for every operation the api serves', () => {
    expect(served.filter((operation) => ACCESS_POLICY[operation] === undefined)).toEqual([]);
  });

  it('has a rule for every operation of the contract', () => {
    expect(contract.filter((operation) => ACCESS_POLICY[operation] === undefined)).toEqual([]);
  });

  it('has no rule for an operation that exists nowhere', () => {
    const known = new Set([...served, ...contract]);
    expect(Object.keys(ACCESS_POLICY).filter((operation) => !known.has(operation))).toEqual([]);
  });

  it('lets no auditor write', () => {
    const auditorWrites = Object.entries(ACCESS_POLICY)
      .filter(([operation, roles]) => operation.startsWith('Mutation.') && roles.includes('auditor'))
      .map(([operation]) => operation);
    expect(auditorWrites).toEqual([]);
  });

  it('serves the contract scalars under their contract names', () => {
    const schema = api.app.get(GraphQLSchemaHost).schema;
    for (const name of ['Date', 'DateTime', 'Decimal', 'JSON']) {
      expect(isScalarType(schema.getType(name))).toBe(true);
    }
  });
});

/**
 * The role matrix: every root operation of the schema (each Query and Mutation field, and the
 * Subscription, which goes over graphql-ws) called as every role and without a token. Who may
 * call what is written out from DESIGN.md (Auth) in EXPECTED, not read from ACCESS_POLICY; the
 * documents are built from the served schema's fields; ARGUMENTS gives each call values that
 * make it go through. An allowed call goes through (a mutation records its events, a
 * subscription delivers), a refused one is FORBIDDEN (no token: UNAUTHENTICATED) and records
 * nothing. An operation the api serves with no line in EXPECTED and ARGUMENTS fails the test.
 */
const EVERYONE: Role[] = ['diplomat', 'planner', 'auditor', 'admin'];
const DIPLOMAT_WRITES: Role[] = ['diplomat', 'planner', 'admin'];
const PLANNER_WRITES: Role[] = ['planner', 'admin'];
const AUDIT_TRAIL: Role[] = ['planner', 'auditor', 'admin'];

/** A signed-in caller whose token carries no role: refused everything but `me`. */
type Caller = Role | 'no role';

const EXPECTED: Record<string, Caller[]> = {
  'Query.me': [...EVERYONE, 'no role'],
  'Query.organization': EVERYONE,
  'Query.organizations': EVERYONE,
  'Query.program': EVERYONE,
  'Query.programs': EVERYONE,
  'Query.activity': EVERYONE,
  'Query.activities': EVERYONE,
  'Query.agreement': EVERYONE,
  'Query.followUps': EVERYONE,
  'Query.programHistory': AUDIT_TRAIL,
  'Query.programAsOf': AUDIT_TRAIL,
  'Query.verifyHistory': AUDIT_TRAIL,
  'Query.historyDigest': AUDIT_TRAIL,
  'Mutation.registerOrganization': DIPLOMAT_WRITES,
  'Mutation.renameOrganization': PLANNER_WRITES,
  'Mutation.updateOrganization': PLANNER_WRITES,
  'Mutation.mergeOrganizations': PLANNER_WRITES,
  'Mutation.launchProgram': PLANNER_WRITES,
  'Mutation.addProgramPartner': PLANNER_WRITES,
  'Mutation.changeProgramStatus': PLANNER_WRITES,
  'Mutation.recordAgreement': PLANNER_WRITES,
  'Mutation.correctProgram': PLANNER_WRITES,
  'Mutation.removeProgramPartner': PLANNER_WRITES,
  'Mutation.signAgreement': PLANNER_WRITES,
  'Mutation.amendAgreement': PLANNER_WRITES,
  'Mutation.terminateAgreement': PLANNER_WRITES,
  'Mutation.logActivity': DIPLOMAT_WRITES,
  'Mutation.recordOutcome': DIPLOMAT_WRITES,
  'Mutation.correctOutcome': DIPLOMAT_WRITES,
  'Mutation.voidOutcome': DIPLOMAT_WRITES,
  'Mutation.correctActivity': DIPLOMAT_WRITES,
  'Mutation.cancelActivity': DIPLOMAT_WRITES,
  'Mutation.addFollowUp': DIPLOMAT_WRITES,
  'Mutation.closeFollowUp': DIPLOMAT_WRITES,
  'Mutation.updateFollowUp': DIPLOMAT_WRITES,
  'Mutation.reopenFollowUp': DIPLOMAT_WRITES,
  'Subscription.programHistoryAppended': AUDIT_TRAIL,
  'Subscription.programChanged': EVERYONE,
};

interface Fixtures {
  ministry: string;
  company: string;
  program: string;
  activity: string;
  outcome: string;
  agreement: string;
  /** Per role, so each allowed role has a record of its own to change. */
  partnerCandidate: Record<Role, string>;
  leavingPartner: Record<Role, string>;
  draftAgreement: Record<Role, string>;
  signedAgreement: Record<Role, string>;
  proposedProgram: Record<Role, string>;
  openFollowUp: Record<Role, string>;
  /** Open, for updateFollowUp (closeFollowUp closes openFollowUp, in whatever order they run). */
  followUpToUpdate: Record<Role, string>;
  doneFollowUp: Record<Role, string>;
  heldActivity: Record<Role, string>;
  voidableOutcome: Record<Role, string>;
  duplicate: Record<Role, string>;
}

type Arguments = (fixtures: Fixtures, role: Role) => Record<string, unknown>;

const ARGUMENTS: Record<string, Arguments> = {
  'Query.me': () => ({}),
  'Query.organization': (f) => ({ id: f.ministry }),
  'Query.organizations': () => ({}),
  'Query.program': (f) => ({ id: f.program }),
  'Query.programs': () => ({}),
  'Query.activity': (f) => ({ id: f.activity }),
  'Query.activities': () => ({}),
  'Query.agreement': (f) => ({ id: f.ministry }),
  'Query.followUps': (f) => ({ filter: { programId: f.program, status: 'OPEN' }, first: 5 }),
  'Query.programHistory': (f) => ({ programId: f.program }),
  'Query.programAsOf': (f) => ({ programId: f.program, asOf: '2030-01-01T00:00:00Z' }),
  'Query.verifyHistory': () => ({}),
  'Query.historyDigest': () => ({}),
  'Mutation.registerOrganization': (_f, role) => ({ input: { name: { en: `Registered by ${role}` }, kind: 'COMPANY', country: 'TH' } }),
  'Mutation.renameOrganization': (f, role) => ({ input: { id: f.company, name: { en: `Renamed by ${role}` } } }),
  // An update must change something: each role sets its own country.
  'Mutation.updateOrganization': (f, role) => ({ input: { id: f.company, country: ['VN', 'SG', 'MY', 'LA'][ROLES.indexOf(role)], reason: `checked by ${role}` } }),
  'Mutation.mergeOrganizations': (f, role) => ({ input: { survivorId: f.company, duplicateId: f.duplicate[role], reason: `registered twice, said ${role}` } }),
  'Mutation.launchProgram': (_f, role) => ({ input: { title: { en: `Launched by ${role}` }, startedOn: '2019-05-29' } }),
  'Mutation.addProgramPartner': (f, role) => ({ input: { programId: f.program, organizationId: f.partnerCandidate[role], role: 'PARTNER' } }),
  'Mutation.changeProgramStatus': (f, role) => ({ input: { programId: f.proposedProgram[role], status: 'ACTIVE' } }),
  'Mutation.recordAgreement': (f, role) => ({ input: { title: { en: `Agreement by ${role}` }, partyIds: [f.ministry, f.company], programId: f.program } }),
  // A correction or amendment must change something: each role writes its own title.
  'Mutation.correctProgram': (f, role) => ({ input: { programId: f.program, title: { en: `OTOP e-commerce, checked by ${role}` }, reason: `checked by ${role}` } }),
  'Mutation.removeProgramPartner': (f, role) => ({ input: { programId: f.program, organizationId: f.leavingPartner[role], reason: `ended, says ${role}` } }),
  'Mutation.signAgreement': (f, role) => ({ input: { id: f.draftAgreement[role], signedOn: '2020-01-15' } }),
  'Mutation.amendAgreement': (f, role) => ({ input: { id: f.agreement, title: { en: `Memorandum, amended by ${role}` }, reason: `amended by ${role}` } }),
  'Mutation.terminateAgreement': (f, role) => ({ input: { id: f.signedAgreement[role], terminatedOn: '2020-06-30', reason: `ended, says ${role}` } }),
  'Mutation.logActivity': (f, role) => ({ input: { programId: f.program, kind: 'MEETING', title: { en: `Logged by ${role}` }, startsOn: '2019-12-16' } }),
  'Mutation.recordOutcome': (f) => ({ input: { programId: f.program, kind: 'PARTICIPANTS', quantity: 12 } }),
  // A correction must change something: each role sets its own amount.
  'Mutation.correctOutcome': (f, role) => ({ input: { id: f.outcome, amount: `${ROLES.indexOf(role) + 2}00.00`, reason: `checked by ${role}` } }),
  'Mutation.voidOutcome': (f, role) => ({ input: { id: f.voidableOutcome[role], reason: `entered twice, found by ${role}` } }),
  // A correction must change something: each role writes its own summary.
  'Mutation.correctActivity': (f, role) => ({ input: { id: f.activity, summary: `Minutes checked by ${role}`, reason: 'minutes received' } }),
  'Mutation.cancelActivity': (f, role) => ({ input: { id: f.heldActivity[role], reason: `called off, said ${role}` } }),
  'Mutation.addFollowUp': (f, role) => ({ input: { activityId: f.activity, description: `Added by ${role}`, ownerId: f.company } }),
  'Mutation.closeFollowUp': (f, role) => ({ input: { id: f.openFollowUp[role], status: 'DONE' } }),
  'Mutation.updateFollowUp': (f, role) => ({ input: { id: f.followUpToUpdate[role], dueOn: '2020-06-30', reason: `rescheduled by ${role}` } }),
  'Mutation.reopenFollowUp': (f, role) => ({ input: { id: f.doneFollowUp[role], reason: `reopened by ${role}` } }),
  // `after` replays the program's history first: an allowed subscriber gets an event at once.
  'Subscription.programHistoryAppended': (f) => ({ programId: f.program, after: '0' }),
  'Subscription.programChanged': (f) => ({ programId: f.program }),
};

/**
 * Subscriptions that deliver only on a change: what makes one, once the subscriber's feed
 * follows the store. programChanged signals after the read model caught up, so the projector
 * runs from the first such call on (the mutations before it are done by then).
 */
const TRIGGERS: Record<string, (fixtures: Fixtures) => Promise<unknown>> = {
  'Subscription.programChanged': async (f) => {
    await api.startProjector();
    return api.app
      .get(CommandBus)
      .execute(new LogActivity({ programId: f.program, kind: 'MEETING', title: { en: 'Signalled' }, startsOn: '2019-12-16' }, { actor: 'fixtures', now: new Date() }));
  },
};

/** `query ($id: ID!) { organization(id: $id) { __typename } }`, from the served field's arguments. */
function documentFor(schema: GraphQLSchema, operation: string, variables: Record<string, unknown>): string {
  const [root, name] = operation.split('.');
  const type = root === 'Query' ? schema.getQueryType() : root === 'Mutation' ? schema.getMutationType() : schema.getSubscriptionType();
  const field = type?.getFields()[name];
  if (!field) throw new Error(`${operation} is not served`);
  const missing = field.args.filter((arg) => isNonNullType(arg.type) && !(arg.name in variables)).map((arg) => arg.name);
  if (missing.length) throw new Error(`ARGUMENTS['${operation}'] gives no ${missing.join(', ')}`);
  const used = field.args.filter((arg) => arg.name in variables);
  const definitions = used.length ? ` (${used.map((arg) => `$${arg.name}: ${arg.type.toString()}`).join(', ')})` : '';
  const call = used.length ? `${name}(${used.map((arg) => `${arg.name}: $${arg.name}`).join(', ')})` : name;
  const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
  return `${root.toLowerCase()}${definitions} { ${call}${selection} }`;
}

type Who = Caller | 'anonymous';
const WHO: Who[] = [...ROLES, 'no role', 'anonymous'];

describe('the role matrix, called for real', () => {
  jest.setTimeout(30_000);
  let fixtures: Fixtures;
  let schema: GraphQLSchema;
  let wsUrl: string;
  const authorization = {} as Record<Who, string | undefined>;
  const clients: Client[] = [];

  beforeAll(async () => {
    schema = api.app.get(GraphQLSchemaHost).schema;
    await api.app.listen(0, '127.0.0.1');
    wsUrl = `ws://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}/graphql`;
    for (const role of ROLES) authorization[role] = await bearer([role], `matrix-${role}`);
    authorization['no role'] = await bearer([], 'matrix-no-role');
    authorization.anonymous = undefined;
    // Straight through the command side: the matrix needs records, not another test of their mutations.
    const commands = api.app.get(CommandBus);
    const ctx = { actor: 'fixtures', now: new Date() };
    const organization = async (en: string) => (await commands.execute(new RegisterOrganization({ name: { en }, kind: 'COMPANY' }, ctx))).id;
    const perRole = async <T>(make: (role: Role) => Promise<T>) =>
      Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await make(role)]))) as Record<Role, T>;
    const ministry = (await commands.execute(new RegisterOrganization({ name: { en: 'Ministry of Foreign Affairs' }, kind: 'MINISTRY' }, ctx))).id;
    const company = await organization('Lazada (Thailand) Co., Ltd.');
    const program = (await commands.execute(new LaunchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, ctx))).id;
    const activity = (await commands.execute(new LogActivity({ programId: program, kind: 'MEETING', title: { en: 'Meeting' }, startsOn: '2019-12-16' }, ctx))).id;
    const outcome = (await commands.execute(new RecordOutcome({ programId: program, kind: 'REVENUE', amount: '100.00', currency: 'THB' }, ctx))).id;
    const agreement = async (en: string, status: 'DRAFT' | 'SIGNED') =>
      (await commands.execute(new RecordAgreement({ title: { en }, partyIds: [ministry, company], programId: program, status, signedOn: status === 'SIGNED' ? '2020-01-15' : null }, ctx))).id;
    // One after another: partners are added to the same program, whose stream takes one write at a time.
    const leavingPartner = {} as Record<Role, string>;
    for (const role of ROLES) {
      leavingPartner[role] = await organization(`Leaving partner for ${role}`);
      await commands.execute(new AddProgramPartner({ programId: program, organizationId: leavingPartner[role], role: 'PARTNER' }, ctx));
    }
    fixtures = {
      ministry,
      company,
      program,
      activity,
      outcome,
      agreement: await agreement('Memorandum', 'SIGNED'),
      partnerCandidate: await perRole((role) => organization(`Candidate partner for ${role}`)),
      leavingPartner,
      draftAgreement: await perRole((role) => agreement(`Draft for ${role}`, 'DRAFT')),
      signedAgreement: await perRole((role) => agreement(`Signed for ${role}`, 'SIGNED')),
      proposedProgram: await perRole(async (role) => (await commands.execute(new LaunchProgram({ title: { en: `Proposal for ${role}` } }, ctx))).id),
      openFollowUp: await perRole(async (role) => (await commands.execute(new AddFollowUp({ activityId: activity, description: `For ${role}` }, ctx))).id),
      followUpToUpdate: await perRole(async (role) => (await commands.execute(new AddFollowUp({ activityId: activity, description: `Update for ${role}` }, ctx))).id),
      doneFollowUp: await perRole(async (role) => {
        const { id } = await commands.execute(new AddFollowUp({ activityId: activity, description: `Reopen for ${role}` }, ctx));
        await commands.execute(new CloseFollowUp({ id, status: 'DONE' }, ctx));
        return id;
      }),
      heldActivity: await perRole(
        async (role) => (await commands.execute(new LogActivity({ programId: program, kind: 'MEETING', title: { en: `Held for ${role}` }, startsOn: '2019-12-16' }, ctx))).id,
      ),
      voidableOutcome: await perRole(
        async (role) => (await commands.execute(new RecordOutcome({ programId: program, kind: 'REVENUE', amount: '100.00', currency: 'THB', description: `For ${role}` }, ctx))).id,
      ),
      duplicate: await perRole((role) => organization(`Lazada Thailand, registered again for ${role}`)),
    };
  });

  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
  });

  /**
   * The first result of a subscription (an event, or the error that refused it). A refused
   * call opens no feed, so its trigger never runs and it records nothing.
   */
  async function firstResult(operation: string, query: string, variables: Record<string, unknown>, who: Who): Promise<GraphQLBody> {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: authorization[who] ? { authorization: authorization[who] } : {}, retryAttempts: 0 });
    clients.push(client);
    const watch = watchFeeds(api.app);
    const results = client.iterate({ query, variables });
    try {
      const first = results.next();
      const trigger = TRIGGERS[operation];
      if (trigger) await Promise.race([first, watch.live.then(() => trigger(fixtures))]);
      return ((await first).value ?? {}) as GraphQLBody;
    } finally {
      watch.stop();
      await results.return?.(undefined);
    }
  }

  /** Calls `operation` as `who`; `recorded` is how many events it added. */
  async function call(operation: string, who: Who): Promise<{ body: GraphQLBody; recorded: number }> {
    const variables = ARGUMENTS[operation](fixtures, who === 'anonymous' || who === 'no role' ? 'admin' : who);
    const document = documentFor(schema, operation, variables);
    const before = await api.eventCount();
    const body = operation.startsWith('Subscription.')
      ? await firstResult(operation, document, variables, who)
      : ((await api.graphql(document, variables, authorization[who])).body as GraphQLBody);
    return { body, recorded: (await api.eventCount()) - before };
  }

  function expectAllowed(operation: string, { body, recorded }: { body: GraphQLBody; recorded: number }): void {
    const field = operation.split('.')[1];
    expect(codesOf(body).filter((code) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED')).toEqual([]);
    if (operation.startsWith('Query.')) return;
    // A mutation carried out records its events; a subscription delivers the program's history.
    expect(body.errors).toBeUndefined();
    expect(body.data?.[field]).toBeTruthy();
    if (operation.startsWith('Mutation.')) expect(recorded).toBeGreaterThan(0);
  }

  function expectRefused({ body, recorded }: { body: GraphQLBody; recorded: number }, code: string): void {
    expect(codesOf(body)).toEqual([code]);
    expect(recorded).toBe(0);
  }

  it('has an expected rule and call arguments for every operation the api serves', () => {
    const served = rootOperations(schema);
    expect(served.filter((operation) => !EXPECTED[operation] || !ARGUMENTS[operation])).toEqual([]);
    expect(served.filter((operation) => operation.startsWith('Subscription.'))).not.toEqual([]);
  });

  // The cases are the contract's operations (known before the app starts); an operation the
  // api serves beyond them is called in the loop of the last test.
  const cases = contract.flatMap((operation) => WHO.map((who) => ({ operation, who })));
  it.each(cases)('$operation as $who', async ({ operation, who }) => {
    const result = await call(operation, who);
    if (who === 'anonymous') expectRefused(result, 'UNAUTHENTICATED');
    else if (EXPECTED[operation].includes(who)) expectAllowed(operation, result);
    else expectRefused(result, 'FORBIDDEN');
  });

  it('calls every operation the api serves beyond the contract as every role too', async () => {
    for (const operation of rootOperations(schema).filter((op) => !contract.includes(op))) {
      for (const who of WHO) {
        const result = await call(operation, who);
        if (who === 'anonymous') expectRefused(result, 'UNAUTHENTICATED');
        else if (EXPECTED[operation].includes(who)) expectAllowed(operation, result);
        else expectRefused(result, 'FORBIDDEN');
      }
    }
  });
});
