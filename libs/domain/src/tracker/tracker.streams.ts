/**
 * Stream names: `<aggregate>-<id>`, one stream per aggregate instance. Stored streams keep
 * their names forever, so these prefixes never change.
 */
export const streamIdFor = {
  organization: (id: string) => `organization-${id}`,
  program: (id: string) => `program-${id}`,
  agreement: (id: string) => `agreement-${id}`,
  activity: (id: string) => `activity-${id}`,
  outcome: (id: string) => `outcome-${id}`,
  followUp: (id: string) => `follow-up-${id}`,
} as const;

export type AggregateName = keyof typeof streamIdFor;

const prefixes: ReadonlyArray<[AggregateName, string]> = (Object.keys(streamIdFor) as AggregateName[]).map(
  (aggregate) => [aggregate, streamIdFor[aggregate]('')],
);

/** The aggregate and id of a stream name, or null for a stream this domain does not own. */
export function parseStreamId(streamId: string): { aggregate: AggregateName; id: string } | null {
  for (const [aggregate, prefix] of prefixes) {
    if (streamId.startsWith(prefix) && streamId.length > prefix.length) {
      return { aggregate, id: streamId.slice(prefix.length) };
    }
  }
  return null;
}
