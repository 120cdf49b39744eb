import { graphql } from '../graphql/graphql';

export const ProgramsQuery = graphql(`
  query Programs($filter: ProgramFilter, $first: Int, $after: String) {
    programs(filter: $filter, first: $first, after: $after) {
      totalCount
      edges {
        node {
          id
          title { th en }
          status
          startedOn
          partners { role organization { id name { th en } } }
        }
      }
    }
  }
`);

export const ProgramQuery = graphql(`
  query Program($id: ID!) {
    program(id: $id) {
      id
      title { th en zh }
      summary
      status
      startedOn
      version
      updatedAt
      partners { role joinedOn organization { id name { th en } kind } }
      totals { kind currency amount quantity }
      agreements { id title { th en } status signedOn expiresOn terminatedOn parties { id name { th en } } }
      activities(first: 100) {
        totalCount
        edges { node { id kind status title { th en zh } startsOn endsOn location { venue city country } } }
      }
      followUps(status: OPEN) { id description dueOn status owner { id name { th en } } activity { id } }
    }
  }
`);
