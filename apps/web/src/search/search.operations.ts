import { graphql } from '../graphql/graphql';

/** The header's search: the same words asked of programs, organisations and activities at once. */
export const GlobalSearchQuery = graphql(`
  query GlobalSearch($search: String!, $first: Int!) {
    programs(filter: { search: $search }, first: $first) { totalCount edges { node { id title { th en zh } } } }
    organizations(filter: { search: $search }, first: $first) { totalCount edges { node { id name { th en zh } } } }
    activities(filter: { search: $search }, first: $first) { totalCount edges { node { id title { th en zh } startsOn } } }
  }
`);
