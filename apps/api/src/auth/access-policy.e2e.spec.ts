import { GraphQLSchemaHost } from '@nestjs/graphql';
import { CommandService } from '@tracker/application';
import { isScalarType } from 'graphql';
import { loadContractSchema, rootOperations } from '../testing/contract';
import { callerFor, codesOf, type Caller } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';
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

describe('the access policy against the served schema and the contract', () => {
  let served: string[];
  const contract = rootOperations(loadContractSchema());

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
 * The role matrix, written out from DESIGN.md (Auth) rather than read from ACCESS_POLICY, and
 * proved by calling every operation as every role: an allowed call goes through (a mutation
 * records its events), a refused one is FORBIDDEN and records nothing.
 */
const EVERYONE: Role[] = ['diplomat', 'planner', 'auditor', 'admin'];
const DIPLOMAT_WRITES: Role[] = ['diplomat', 'planner', 'admin'];
const PLANNER_WRITES: Role[] = ['planner', 'admin'];
const AUDIT_TRAIL: Role[] = ['planner', 'auditor', 'admin'];

interface Fixtures {
  ministry: string;
  company: string;
  program: string;
  activity: string;
  outcome: string;
  /** Per role, so each allowed role has a record of its own to change. */
  partnerCandidate: Record<Role, string>;
  proposedProgram: Record<Role, string>;
  openFollowUp: Record<Role, string>;
}

interface Operation {
  name: string;
  allowed: Role[];
  document: string;
  variables: (fixtures: Fixtures, role: Role) => Record<string, unknown>;
}

const payload = '{ result { streamId version position projected } }';

const MUTATIONS: Operation[] = [
  {
    name: 'registerOrganization',
    allowed: DIPLOMAT_WRITES,
    document: `mutation ($input: RegisterOrganizationInput!) { registerOrganization(input: $input) ${payload} }`,
    variables: (_f, role) => ({ input: { name: { en: `Registered by ${role}` }, kind: 'COMPANY', country: 'TH' } }),
  },
  {
    name: 'renameOrganization',
    allowed: PLANNER_WRITES,
    document: `mutation ($input: RenameOrganizationInput!) { renameOrganization(input: $input) ${payload} }`,
    variables: (f, role) => ({ input: { id: f.company, name: { en: `Renamed by ${role}` } } }),
  },
  {
    name: 'launchProgram',
    allowed: PLANNER_WRITES,
    document: `mutation ($input: LaunchProgramInput!) { launchProgram(input: $input) ${payload} }`,
    variables: (_f, role) => ({ input: { title: { en: `Launched by ${role}` }, startedOn: '2019-05-29' } }),
  },
  {
    name: 'addProgramPartner',
    allowed: PLANNER_WRITES,
    document: `mutation ($input: AddProgramPartnerInput!) { addProgramPartner(input: $input) ${payload} }`,
    variables: (f, role) => ({ input: { programId: f.program, organizationId: f.partnerCandidate[role], role: 'PARTNER' } }),
  },
  {
    name: 'changeProgramStatus',
    allowed: PLANNER_WRITES,
    document: `mutation ($input: ChangeProgramStatusInput!) { changeProgramStatus(input: $input) ${payload} }`,
    variables: (f, role) => ({ input: { programId: f.proposedProgram[role], status: 'ACTIVE' } }),
  },
  {
    name: 'recordAgreement',
    allowed: PLANNER_WRITES,
    document: `mutation ($input: RecordAgreementInput!) { recordAgreement(input: $input) ${payload} }`,
    variables: (f, role) => ({ input: { title: { en: `Agreement by ${role}` }, partyIds: [f.ministry, f.company], programId: f.program } }),
  },
  {
    name: 'logActivity',
    allowed: DIPLOMAT_WRITES,
    document: `mutation ($input: LogActivityInput!) { logActivity(input: $input) ${payload} }`,
    variables: (f, role) => ({ input: { programId: f.program, kind: 'MEETING', title: { en: `Logged by ${role}` }, startsOn: '2019-12-16' } }),
  },
  {
    name: 'recordOutcome',
    allowed: DIPLOMAT_WRITES,
    document: `mutation ($input: RecordOutcomeInput!) { recordOutcome(input: $input) ${payload} }`,
    variables: (f) => ({ input: { programId: f.program, kind: 'PARTICIPANTS', quantity: 12 } }),
  },
  {
    name: 'correctOutcome',
    allowed: DIPLOMAT_WRITES,
    document: `mutation ($input: CorrectOutcomeInput!) { correctOutcome(input: $input) ${payload} }`,
    // A correction must change something: each role sets its own amount.
    variables: (f, role) => ({ input: { id: f.outcome, amount: `${ROLES.indexOf(role) + 2}00.00`, reason: `checked by ${role}` } }),
  },
  {
    name: 'addFollowUp',
    allowed: DIPLOMAT_WRITES,
    document: `mutation ($input: AddFollowUpInput!) { addFollowUp(input: $input) ${payload} }`,
    variables: (f, role) => ({ input: { activityId: f.activity, description: `Added by ${role}`, ownerId: f.company } }),
  },
  {
    name: 'closeFollowUp',
    allowed: DIPLOMAT_WRITES,
    document: `mutation ($input: CloseFollowUpInput!) { closeFollowUp(input: $input) ${payload} }`,
    variables: (f, role) => ({ input: { id: f.openFollowUp[role], status: 'DONE' } }),
  },
];

const QUERIES: Operation[] = [
  { name: 'organization', allowed: EVERYONE, document: 'query ($id: ID!) { organization(id: $id) { id } }', variables: (f) => ({ id: f.ministry }) },
  { name: 'organizations', allowed: EVERYONE, document: '{ organizations { totalCount } }', variables: () => ({}) },
  { name: 'program', allowed: EVERYONE, document: 'query ($id: ID!) { program(id: $id) { id } }', variables: (f) => ({ id: f.program }) },
  { name: 'programs', allowed: EVERYONE, document: '{ programs { totalCount } }', variables: () => ({}) },
  { name: 'activity', allowed: EVERYONE, document: 'query ($id: ID!) { activity(id: $id) { id } }', variables: (f) => ({ id: f.activity }) },
  { name: 'activities', allowed: EVERYONE, document: '{ activities { totalCount } }', variables: () => ({}) },
  { name: 'agreement', allowed: EVERYONE, document: 'query ($id: ID!) { agreement(id: $id) { id } }', variables: (f) => ({ id: f.ministry }) },
  {
    name: 'programHistory',
    allowed: AUDIT_TRAIL,
    document: 'query ($id: ID!) { programHistory(programId: $id) { totalCount } }',
    variables: (f) => ({ id: f.program }),
  },
  {
    name: 'programAsOf',
    allowed: AUDIT_TRAIL,
    document: 'query ($id: ID!) { programAsOf(programId: $id, asOf: "2030-01-01T00:00:00Z") { id } }',
    variables: (f) => ({ id: f.program }),
  },
  { name: 'verifyHistory', allowed: AUDIT_TRAIL, document: '{ verifyHistory { ok } }', variables: () => ({}) },
];

describe('the role matrix, called for real', () => {
  let fixtures: Fixtures;
  const callers = {} as Record<Role | 'anonymous', Caller>;

  beforeAll(async () => {
    for (const role of ROLES) callers[role] = await callerFor(api, [role], `matrix-${role}`);
    callers.anonymous = await callerFor(api, null);
    // Straight through the command side: the matrix needs records, not another test of their mutations.
    const commands = api.app.get(CommandService);
    const ctx = { actor: 'fixtures', now: new Date() };
    const organization = async (en: string) => (await commands.registerOrganization({ name: { en }, kind: 'COMPANY' }, ctx)).id;
    const perRole = async <T>(make: (role: Role) => Promise<T>) =>
      Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, await make(role)]))) as Record<Role, T>;
    const ministry = (await commands.registerOrganization({ name: { en: 'Ministry of Foreign Affairs' }, kind: 'MINISTRY' }, ctx)).id;
    const company = await organization('Lazada (Thailand) Co., Ltd.');
    const program = (await commands.launchProgram({ title: { en: 'OTOP e-commerce' }, status: 'ACTIVE' }, ctx)).id;
    const activity = (await commands.logActivity({ programId: program, kind: 'MEETING', title: { en: 'Meeting' }, startsOn: '2019-12-16' }, ctx)).id;
    const outcome = (await commands.recordOutcome({ programId: program, kind: 'REVENUE', amount: '100.00', currency: 'THB' }, ctx)).id;
    fixtures = {
      ministry,
      company,
      program,
      activity,
      outcome,
      partnerCandidate: await perRole((role) => organization(`Candidate partner for ${role}`)),
      proposedProgram: await perRole(async (role) => (await commands.launchProgram({ title: { en: `Proposal for ${role}` } }, ctx)).id),
      openFollowUp: await perRole(async (role) => (await commands.addFollowUp({ activityId: activity, description: `For ${role}` }, ctx)).id),
    };
  });

  const cases = (operations: Operation[]) =>
    operations.flatMap((operation) => ROLES.map((role) => ({ operation, role, name: operation.name, may: operation.allowed.includes(role) })));

  describe.each(cases(MUTATIONS))('mutation $name as $role', ({ operation, role, may }) => {
    if (may) {
      it('is carried out', async () => {
        const before = await api.eventCount();
        const body = await callers[role](operation.document, operation.variables(fixtures, role));
        expect(body.errors).toBeUndefined();
        expect(body.data?.[operation.name].result.version).toBeGreaterThanOrEqual(1);
        expect(await api.eventCount()).toBeGreaterThan(before);
      });
    } else {
      it('is refused as FORBIDDEN, recording nothing', async () => {
        const before = await api.eventCount();
        const body = await callers[role](operation.document, operation.variables(fixtures, role));
        expect(codesOf(body)).toEqual(['FORBIDDEN']);
        expect(await api.eventCount()).toBe(before);
      });
    }
  });

  describe.each(cases(QUERIES))('query $name as $role', ({ operation, role, may }) => {
    it(may ? 'is answered' : 'is refused as FORBIDDEN', async () => {
      const body = await callers[role](operation.document, operation.variables(fixtures, role));
      if (may) expect(codesOf(body).filter((code) => code === 'FORBIDDEN' || code === 'UNAUTHENTICATED')).toEqual([]);
      else expect(codesOf(body)).toEqual(['FORBIDDEN']);
    });
  });

  describe('without a token', () => {
    it.each([...MUTATIONS, ...QUERIES].map((operation) => ({ name: operation.name, operation })))(
      'refuses $name as UNAUTHENTICATED, recording nothing',
      async ({ operation }) => {
        const before = await api.eventCount();
        const body = await callers.anonymous(operation.document, operation.variables(fixtures, 'admin'));
        expect(codesOf(body)).toEqual(['UNAUTHENTICATED']);
        expect(await api.eventCount()).toBe(before);
      },
    );
  });
});
