import { graphql } from '../graphql/graphql';

export const OrganizationSearchQuery = graphql(`
  query OrganizationSearch($search: String, $first: Int) {
    organizations(filter: { search: $search }, first: $first) {
      edges { node { id kind country name { th en zh } } }
    }
  }
`);

export const RegisterOrganizationMutation = graphql(`
  mutation RegisterOrganization($input: RegisterOrganizationInput!) {
    registerOrganization(input: $input) {
      organization { id kind country name { th en zh } }
      result { position projected }
    }
  }
`);

export const OrganizationsQuery = graphql(`
  query Organizations($filter: OrganizationFilter, $first: Int, $after: String) {
    organizations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind country name { th en zh } parent { id name { th en zh } } mergedIds } }
    }
  }
`);

/** One organisation with its duplicates; a duplicate's id answers with the survivor. */
export const OrganizationQuery = graphql(`
  query Organization($id: ID!) {
    organization(id: $id) {
      id
      kind
      country
      version
      name { th en zh }
      parent { id name { th en zh } }
      merged { id name { th en zh } mergedAt reason }
    }
  }
`);

/** Every activity it organised or joined; the API lists oldest first, the page turns it. */
export const OrganizationActivitiesQuery = graphql(`
  query OrganizationActivities($filter: ActivityFilter, $first: Int, $after: String) {
    activities(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id kind status title { th en zh } startsOn endsOn location { city country } program { id title { th en zh } } } }
    }
  }
`);

export const OrganizationProgramsQuery = graphql(`
  query OrganizationPrograms($partnerId: ID!) {
    programs(filter: { partnerId: $partnerId }, first: 100) {
      edges { node { id title { th en zh } status partners { role organization { id } } } }
    }
  }
`);

const OrganizationPayloadFields = graphql(`
  fragment OrganizationPayloadFields on Organization {
    id
    kind
    country
    version
    name { th en zh }
    parent { id name { th en zh } }
    merged { id name { th en zh } mergedAt reason }
  }
`);

export const RenameOrganizationMutation = graphql(
  `
  mutation RenameOrganization($input: RenameOrganizationInput!) {
    renameOrganization(input: $input) { organization { ...OrganizationPayloadFields } result { position projected } }
  }
`,
  [OrganizationPayloadFields],
);

export const UpdateOrganizationMutation = graphql(
  `
  mutation UpdateOrganization($input: UpdateOrganizationInput!) {
    updateOrganization(input: $input) { organization { ...OrganizationPayloadFields } result { position projected } }
  }
`,
  [OrganizationPayloadFields],
);

export const MergeOrganizationsMutation = graphql(
  `
  mutation MergeOrganizations($input: MergeOrganizationsInput!) {
    mergeOrganizations(input: $input) { organization { ...OrganizationPayloadFields } result { position projected } }
  }
`,
  [OrganizationPayloadFields],
);
