import { graphql, type ResultOf } from '../graphql/graphql';

/** The fields every follow-up list shows, and the version its actions send back. */
export const FollowUpFields = graphql(`
  fragment FollowUpFields on FollowUp {
    id
    description
    dueOn
    status
    version
    owner { id name { th en zh } }
    program { id title { th en zh } }
    activity { id title { th en zh } }
  }
`);

export const FollowUpsQuery = graphql(
  `
  query FollowUps($filter: FollowUpFilter, $first: Int, $after: String) {
    followUps(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...FollowUpFields } }
    }
  }
`,
  [FollowUpFields],
);

export const UpdateFollowUpMutation = graphql(
  `
  mutation UpdateFollowUp($input: UpdateFollowUpInput!) {
    updateFollowUp(input: $input) {
      followUp { ...FollowUpFields }
      result { position projected }
    }
  }
`,
  [FollowUpFields],
);

export const CloseFollowUpMutation = graphql(
  `
  mutation CloseFollowUp($input: CloseFollowUpInput!) {
    closeFollowUp(input: $input) {
      followUp { ...FollowUpFields }
      result { position projected }
    }
  }
`,
  [FollowUpFields],
);

export const ReopenFollowUpMutation = graphql(
  `
  mutation ReopenFollowUp($input: ReopenFollowUpInput!) {
    reopenFollowUp(input: $input) {
      followUp { ...FollowUpFields }
      result { position projected }
    }
  }
`,
  [FollowUpFields],
);

export type FollowUpItem = ResultOf<typeof FollowUpFields>;

/** The programs to filter by: the first hundred, the API's page limit. */
export const FollowUpProgramsQuery = graphql(`
  query FollowUpPrograms {
    programs(first: 100) { edges { node { id title { th en zh } } } }
  }
`);
