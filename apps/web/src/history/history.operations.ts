import { graphql } from '../graphql/graphql';
import { ProgramViewFields } from '../programs/programs.operations';

export const ProgramHistoryQuery = graphql(`
  query ProgramHistory($programId: ID!, $first: Int, $after: String) {
    programHistory(programId: $programId, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node { eventId position recordedAt occurredOn actor type version schemaVersion streamId hash data commandId }
      }
    }
  }
`);

/** The program's title for the page heading, read live. */
export const HistoryProgramQuery = graphql(`
  query HistoryProgram($id: ID!) {
    program(id: $id) { id title { th en } }
  }
`);

/** An organisation's name: the timeline names organisations by id. */
export const OrganizationNameQuery = graphql(`
  query OrganizationName($id: ID!) {
    organization(id: $id) { id name { th en zh } }
  }
`);

/**
 * The program as known at `asOf`, or as it had happened by `occurredBy`: the live page's fields
 * (ProgramViewFields, so ProgramView shows it the same way), plus every outcome with its figure,
 * where a corrected amount shows.
 */
export const ProgramAsOfQuery = graphql(
  `
  query ProgramAsOf($programId: ID!, $asOf: DateTime!, $occurredBy: Date) {
    programAsOf(programId: $programId, asOf: $asOf, occurredBy: $occurredBy) {
      ...ProgramViewFields
      outcomes { id kind amount currency quantity description voided activity { id title { th en } } }
    }
  }
`,
  [ProgramViewFields],
);

export const VerifyHistoryQuery = graphql(`
  query VerifyHistory($programId: ID, $against: HistoryDigestInput) {
    verifyHistory(programId: $programId, against: $against) {
      ok
      eventsChecked
      streamsChecked
      firstBrokenPosition
      problemCount
      digestMatches
      digestMismatchFrom
      problems { kind streamId version position detail }
    }
  }
`);

export const HistoryDigestQuery = graphql(`
  query HistoryDigest {
    historyDigest { algorithm digest position eventCount takenAt checkpoints { position digest } }
  }
`);
