import { graphql } from '../graphql/graphql';

/**
 * Activities for "the latest": the API lists them oldest first (by start date), so the home page
 * reads the first hundred and shows the newest of them.
 */
export const HomeActivitiesQuery = graphql(`
  query HomeActivities {
    activities(first: 100) {
      totalCount
      edges { node { id kind status title { th en zh } startsOn program { id title { th en zh } } } }
    }
  }
`);

export const HomeProgramsQuery = graphql(`
  query HomePrograms {
    programs(first: 100) {
      totalCount
      edges { node { id title { th en zh } status startedOn updatedAt } }
    }
  }
`);

export const HomeVerifyQuery = graphql(`
  query HomeVerify {
    verifyHistory { ok eventsChecked streamsChecked problemCount firstBrokenPosition }
  }
`);
