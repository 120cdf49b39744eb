// GraphQL operations the tests send themselves (graphqlFromPage), for what no screen offers yet
// or for what a role's screens must not offer at all.

export const LOG_ACTIVITY = `
  mutation LogActivity($input: LogActivityInput!) {
    logActivity(input: $input) { activity { id title { th en } } }
  }
`;

/** A meeting on the demo program under a title no other record has. */
export function activityInput(programId: string, title: string) {
  return { kind: 'MEETING', status: 'HELD', title: { th: title, en: title }, startsOn: '2020-01-20', programId };
}
