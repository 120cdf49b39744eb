// GraphQL operations the tests send themselves (graphqlFromPage), for what no screen offers yet
// or for what a role's screens must not offer at all.

export const LOG_ACTIVITY = `
  mutation LogActivity($input: LogActivityInput!) {
    logActivity(input: $input) { activity { id title { th en } } }
  }
`;

/** A meeting on `programId` under a title no other record has. */
export function activityInput(programId: string, title: string) {
  return { kind: 'MEETING', status: 'HELD', title: { th: title, en: title }, startsOn: '2020-01-20', programId };
}

export const LAUNCH_PROGRAM = `
  mutation LaunchProgram($input: LaunchProgramInput!) {
    launchProgram(input: $input) { program { id } }
  }
`;

/** A program of a test's own, so what it writes never shows on the demo program (whose page is a README screenshot). */
export function programInput(title: string) {
  return { title: { th: title, en: title }, status: 'ACTIVE', startedOn: '2020-01-01' };
}

export const RECORD_OUTCOME = `
  mutation RecordOutcome($input: RecordOutcomeInput!) {
    recordOutcome(input: $input) { outcome { id } }
  }
`;

/** Revenue in baht on `programId` (amounts are decimal strings, as the API takes money). */
export function revenueInput(programId: string, amount: string, description: string) {
  return { programId, kind: 'REVENUE', amount, currency: 'THB', description };
}

export const CORRECT_OUTCOME = `
  mutation CorrectOutcome($input: CorrectOutcomeInput!) {
    correctOutcome(input: $input) { outcome { id } }
  }
`;

export const ORGANIZATION_IDS = `
  query OrganizationIds($search: String) {
    organizations(filter: { search: $search }, first: 1) { edges { node { id } } }
  }
`;

export const RECORD_AGREEMENT = `
  mutation RecordAgreement($input: RecordAgreementInput!) {
    recordAgreement(input: $input) { agreement { id } }
  }
`;
