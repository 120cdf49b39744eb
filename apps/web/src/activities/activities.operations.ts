import { graphql } from '../graphql/graphql';

// One selection of an activity, shared by the page and every mutation's payload, so a save shows
// the record as the API now has it (read-your-writes) without asking again.
const ActivityFields = graphql(`
  fragment ActivityFields on Activity @_unmask {
    id
    version
    kind
    status
    title { th en zh }
    startsOn
    endsOn
    location { venue city country }
    program { id title { th en zh } }
    organizers { id name { th en zh } }
    participants { name { th en zh } position { th en zh } organization { id name { th en zh } } }
    topics
    summary
    outcomes { id version kind amount currency quantity description voided }
    followUps { id version description dueOn status owner { id name { th en zh } } }
  }
`);

export const ActivityQuery = graphql(
  `
    query Activity($id: ID!) {
      activity(id: $id) { ...ActivityFields }
    }
  `,
  [ActivityFields],
);

/** Programs to file an activity under: the first hundred, searchable in the select. */
export const ProgramChoicesQuery = graphql(`
  query ProgramChoices($search: String) {
    programs(filter: { search: $search }, first: 100) {
      edges { node { id title { th en zh } status } }
    }
  }
`);

export const LogActivityMutation = graphql(
  `
    mutation LogActivity($input: LogActivityInput!) {
      logActivity(input: $input) {
        activity { ...ActivityFields }
        result { streamId version projected }
      }
    }
  `,
  [ActivityFields],
);

export const CorrectActivityMutation = graphql(
  `
    mutation CorrectActivity($input: CorrectActivityInput!) {
      correctActivity(input: $input) {
        activity { ...ActivityFields }
        result { version }
      }
    }
  `,
  [ActivityFields],
);

export const CancelActivityMutation = graphql(
  `
    mutation CancelActivity($input: CancelActivityInput!) {
      cancelActivity(input: $input) {
        activity { ...ActivityFields }
        result { version }
      }
    }
  `,
  [ActivityFields],
);

export const RecordOutcomeMutation = graphql(`
  mutation RecordOutcome($input: RecordOutcomeInput!) {
    recordOutcome(input: $input) {
      outcome { id version kind amount currency quantity description voided }
      result { version }
    }
  }
`);

export const CorrectOutcomeMutation = graphql(`
  mutation CorrectOutcome($input: CorrectOutcomeInput!) {
    correctOutcome(input: $input) {
      outcome { id version kind amount currency quantity description voided }
      result { version }
    }
  }
`);

export const VoidOutcomeMutation = graphql(`
  mutation VoidOutcome($input: VoidOutcomeInput!) {
    voidOutcome(input: $input) {
      outcome { id version voided }
      result { version }
    }
  }
`);

export const AddFollowUpMutation = graphql(`
  mutation AddFollowUp($input: AddFollowUpInput!) {
    addFollowUp(input: $input) {
      followUp { id version description dueOn status owner { id name { th en zh } } }
      result { version }
    }
  }
`);

export const CloseFollowUpMutation = graphql(`
  mutation CloseFollowUp($input: CloseFollowUpInput!) {
    closeFollowUp(input: $input) {
      followUp { id version status }
      result { version }
    }
  }
`);

export const UpdateFollowUpMutation = graphql(`
  mutation UpdateFollowUp($input: UpdateFollowUpInput!) {
    updateFollowUp(input: $input) {
      followUp { id version description dueOn status owner { id name { th en zh } } }
      result { version }
    }
  }
`);

export const ReopenFollowUpMutation = graphql(`
  mutation ReopenFollowUp($input: ReopenFollowUpInput!) {
    reopenFollowUp(input: $input) {
      followUp { id version status }
      result { version }
    }
  }
`);
