import { callerFor, dataOf, mutate, newCommandId, type Caller } from '../testing/graphql-caller';
import { startTestApp, type TestApp } from '../testing/test-app';

let api: TestApp;
let diplomat: Caller;
let planner: Caller;

beforeAll(async () => {
  api = await startTestApp({ projector: true, readYourWritesTimeoutMs: 400 });
  diplomat = await callerFor(api, ['diplomat']);
  planner = await callerFor(api, ['planner']);
});

afterAll(async () => {
  await api?.close();
});

const ORGANIZATION = '{ organization { id name { en } version } result { streamId version position projected } }';

describe('a mutation with the projector running', () => {
  it('answers with the record as the read model now has it', async () => {
    const registered = dataOf(await mutate(diplomat, 'registerOrganization', { name: { en: 'Ministry of Interior' }, kind: 'MINISTRY' }, ORGANIZATION)).registerOrganization;
    expect(registered.result.projected).toBe(true);
    expect(registered.organization).toMatchObject({ name: { en: 'Ministry of Interior' }, version: 1 });
  });
});

describe('while the projector is stopped', () => {
  let id: string;

  beforeAll(async () => {
    id = dataOf(await mutate(diplomat, 'registerOrganization', { name: { en: 'Old name' }, kind: 'COMPANY' }, ORGANIZATION)).registerOrganization.organization.id;
    await api.stopProjector();
  });

  afterAll(async () => {
    await api.startProjector();
  });

  it('answers projected false and no record once the wait runs out', async () => {
    const started = Date.now();
    const registered = dataOf(await mutate(diplomat, 'registerOrganization', { name: { en: 'Not yet projected' }, kind: 'COMPANY' }, ORGANIZATION)).registerOrganization;
    expect(registered).toEqual({ organization: null, result: expect.objectContaining({ projected: false, version: 1 }) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
  });

  it('never answers with the stale record it could read', async () => {
    const renamed = dataOf(await mutate(planner, 'renameOrganization', { id, name: { en: 'New name' } }, ORGANIZATION)).renameOrganization;
    expect(renamed.organization).toBeNull();
    expect(renamed.result).toMatchObject({ projected: false, version: 2 });
  });

  it('answers a retry, once the projector is back, with the first result and the record', async () => {
    const input = { commandId: newCommandId(), name: { en: 'Written while stopped' }, kind: 'COMPANY' };
    const first = dataOf(await mutate(diplomat, 'registerOrganization', input, ORGANIZATION)).registerOrganization;
    expect(first.result.projected).toBe(false);
    const events = await api.eventCount();

    await api.startProjector();
    const retry = dataOf(await mutate(diplomat, 'registerOrganization', input, ORGANIZATION)).registerOrganization;

    expect(retry.result).toEqual({ ...first.result, projected: true });
    expect(retry.organization).toMatchObject({ name: { en: 'Written while stopped' }, version: 1 });
    expect(await api.eventCount()).toBe(events);
    const renamed = dataOf(await planner('query ($id: ID!) { organization(id: $id) { name { en } version } }', { id }));
    expect(renamed.organization).toEqual({ name: { en: 'New name' }, version: 2 });
  });
});
