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
