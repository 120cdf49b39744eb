import { graphql } from '../graphql/graphql';

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
 * The program as known at `asOf`, or as it had happened by `occurredBy`. The fields are the
 * live program page's (ProgramQuery, so ProgramView shows it the same way: keep them equal; the
 * compiler says when they drift), plus every outcome with its figure, where a corrected amount shows.
 */
export const ProgramAsOfQuery = graphql(`
  query ProgramAsOf($programId: ID!, $asOf: DateTime!, $occurredBy: Date) {
    programAsOf(programId: $programId, asOf: $asOf, occurredBy: $occurredBy) {
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
      outcomes { id kind amount currency quantity description voided activity { id title { th en } } }
    }
  }
`);

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
