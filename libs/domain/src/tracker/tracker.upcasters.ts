import type { ActivityLoggedV1, ActivityLoggedV2 } from '../activity/activity.events';
import { upcastActivityLoggedV1, upcastActivityLoggedV2 } from '../activity/activity.upcasters';
import { eventSchemaVersions, isEventType, type EventType, type TrackerEvent } from './tracker.events';

/**
 * For each event type with old versions: the step from version n to n + 1. Steps chain, so a
 * V1 event reaches V3 through V2; each step is written once and tested on its own.
 */
const upcasters: { [T in EventType]?: Record<number, (data: any) => unknown> } = {
  ActivityLogged: {
    1: (data: ActivityLoggedV1['data']) => upcastActivityLoggedV1(data),
    2: (data: ActivityLoggedV2['data']) => upcastActivityLoggedV2(data),
  },
};

export type UpcastEvent = TrackerEvent & { schemaVersion: number };

/**
 * A stored event in its current shape. Throws (a plain Error: the store, not the user, is at
 * fault) on an unknown type, a missing upcaster, or a version newer than this code knows; an
 * older deployment must not misread what a newer one wrote.
 */
export function upcast(type: string, schemaVersion: number, data: unknown): UpcastEvent {
  if (!isEventType(type)) throw new Error(`Unknown event type "${type}"`);
  const current = eventSchemaVersions[type];
  if (!Number.isInteger(schemaVersion) || schemaVersion < 1 || schemaVersion > current) {
    throw new Error(`${type} schema version ${schemaVersion} is unknown here (current is ${current})`);
  }
  let upcastData = data;
  for (let version = schemaVersion; version < current; version++) {
    const step = upcasters[type]?.[version];
    if (step === undefined) throw new Error(`No upcaster for ${type} from version ${version}`);
    upcastData = step(upcastData);
  }
  return { type, schemaVersion: current, data: upcastData } as UpcastEvent;
}
