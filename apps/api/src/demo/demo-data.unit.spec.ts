import { commandBusFor } from '@tracker/application';
import { parseConfig } from '@tracker/config';
import { referenceIds } from '@tracker/domain';
import { InMemoryEventStore } from '@tracker/event-store';
import { demoWanted, loadDemoIntoEmptyStore } from './demo-data';

describe('the demo data', () => {
  it('tells the reference case into an empty store', async () => {
    const store = new InMemoryEventStore();
    const loaded = await loadDemoIntoEmptyStore(store, await commandBusFor(store), new Date('2026-01-05T03:00:00Z'));
    expect(loaded?.ids.program).toBe(referenceIds.program);
    expect((await store.readStream(`program-${referenceIds.program}`)).map((event) => event.type)).toContain('ProgramLaunched');
  });

  it('adds nothing to a store that holds anything', async () => {
    const store = new InMemoryEventStore();
    const commands = await commandBusFor(store);
    await loadDemoIntoEmptyStore(store, commands);
    const before = (await store.readAll({ limit: 10_000 })).length;
    await expect(loadDemoIntoEmptyStore(store, commands)).resolves.toBeNull();
    expect((await store.readAll({ limit: 10_000 })).length).toBe(before);
  });

  it('is on unless --no-demo or DEMO_DATA=false says otherwise', () => {
    expect(demoWanted([], parseConfig({}))).toBe(true);
    expect(demoWanted(['--no-demo'], parseConfig({}))).toBe(false);
    expect(demoWanted([], parseConfig({ DEMO_DATA: 'false' }))).toBe(false);
    expect(demoWanted([], parseConfig({ DEMO_DATA: 'off' }))).toBe(false);
    expect(demoWanted([], parseConfig({ DEMO_DATA: 'true' }))).toBe(true);
  });

  it('is off in production unless --demo or DEMO_DATA=true asks for it', () => {
    const production = { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a'.repeat(32) };
    expect(demoWanted([], parseConfig(production))).toBe(false);
    expect(demoWanted(['--demo'], parseConfig(production))).toBe(true);
    expect(demoWanted([], parseConfig({ ...production, DEMO_DATA: 'true' }))).toBe(true);
    expect(demoWanted(['--no-demo'], parseConfig({ ...production, DEMO_DATA: 'true' }))).toBe(false);
  });
});
