import { graphql } from '../graphql/graphql';

export const ProgramsQuery = graphql(`
  query Programs($filter: ProgramFilter, $first: Int, $after: String) {
    programs(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      edges {
        node {
          id
          title { th en }
          status
          startedOn
          partners { role organization { id name { th en } } }
          totals { kind currency amount quantity }
        }
      }
    }
  }
`);

/**
 * What the program page shows, shared by the live page (ProgramQuery) and the history's as-of
 * views (history.operations.ts), so both render through one ProgramView. Unmasked: its fields
 * read as part of the query's result.
 */
export const ProgramViewFields = graphql(`
  fragment ProgramViewFields on Program @_unmask {
    id
    title { th en zh }
    summary
    status
    startedOn
    version
    updatedAt
    partners { role joinedOn organization { id name { th en } kind } }
    totals { kind currency amount quantity }
    agreements { id version title { th en } status signedOn expiresOn terminatedOn parties { id name { th en } } }
    activities(first: 100) {
      totalCount
      edges { node { id kind status title { th en zh } startsOn endsOn summary topics location { venue city country } organizers { id name { th en } } } }
    }
    followUps(status: OPEN) { id description dueOn status owner { id name { th en } } activity { id } }
  }
`);

export const ProgramQuery = graphql(
  `
  query Program($id: ID!) {
    program(id: $id) { ...ProgramViewFields }
  }
`,
  [ProgramViewFields],
);

// The planner's commands on a program. Each payload is the projected program (read-your-writes),
// so the page shows the change as soon as the answer arrives.

export const LaunchProgramMutation = graphql(`
  mutation LaunchProgram($input: LaunchProgramInput!) {
    launchProgram(input: $input) { program { id version title { th en zh } status } result { position projected } }
  }
`);

export const AddProgramPartnerMutation = graphql(`
  mutation AddProgramPartner($input: AddProgramPartnerInput!) {
    addProgramPartner(input: $input) { program { id version partners { role joinedOn organization { id name { th en } kind } } } result { position projected } }
  }
`);

export const RemoveProgramPartnerMutation = graphql(`
  mutation RemoveProgramPartner($input: RemoveProgramPartnerInput!) {
    removeProgramPartner(input: $input) { program { id version partners { role joinedOn organization { id name { th en } kind } } } result { position projected } }
  }
`);

export const ChangeProgramStatusMutation = graphql(`
  mutation ChangeProgramStatus($input: ChangeProgramStatusInput!) {
    changeProgramStatus(input: $input) { program { id version status } result { position projected } }
  }
`);

export const CorrectProgramMutation = graphql(`
  mutation CorrectProgram($input: CorrectProgramInput!) {
    correctProgram(input: $input) { program { id version title { th en zh } summary startedOn } result { position projected } }
  }
`);

/** A signal that the program's records changed and the read model caught up: read it again. */
export const ProgramChangedSubscription = graphql(`
  subscription ProgramChanged($programId: ID!) {
    programChanged(programId: $programId) { programId position }
  }
`);
