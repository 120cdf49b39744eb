import type { CommandBus } from '@nestjs/cqrs';
import { loadReferenceCase, type ReferenceCaseLoaded } from '@tracker/application';
import type { EventStore } from '@tracker/event-store';

/**
 * The demo data of `npm start`: the reference case (libs/domain/src/reference-case), told
 * through the command side, but only into an empty event store. A store with anything in it
 * is someone's data: a second start, or a database used for real, gets nothing added.
 */
export async function loadDemoIntoEmptyStore(store: EventStore, commands: CommandBus, now: Date = new Date()): Promise<ReferenceCaseLoaded | null> {
  const [anyEvent] = await store.readAll({ limit: 1 });
  if (anyEvent) return null;
  return loadReferenceCase(commands, { now, actors: { diplomat: 'demo-diplomat', planner: 'demo-planner' } });
}

/**
 * `--no-demo` or DEMO_DATA=false (also 0, no, off; read by @tracker/config) turns the demo off;
 * `--demo` or DEMO_DATA=true (also 1, yes, on) turns it on. Unsaid, it is on for a developer's start and
 * off under NODE_ENV=production (`npm run start:prod`): a production tracker's first events
 * are real ones, not a made-up program.
 */
export function demoWanted(argv: readonly string[], config: { demoData: boolean | undefined; production: boolean }): boolean {
  if (argv.includes('--no-demo')) return false;
  if (argv.includes('--demo')) return true;
  return config.demoData ?? !config.production;
}
