import type { Projection } from '../projection';
import { activitiesProjection } from './activities.projection';
import { agreementsProjection } from './agreements.projection';
import { followUpsProjection } from './follow-ups.projection';
import { organizationsProjection } from './organizations.projection';
import { outcomesProjection } from './outcomes.projection';
import { programHistoryProjection } from './program-history.projection';
import { programsProjection } from './programs.projection';

export * from './activities.projection';
export * from './agreements.projection';
export * from './follow-ups.projection';
export * from './organizations.projection';
export * from './outcomes.projection';
export * from './program-history.projection';
export * from './programs.projection';

/** Every read model the projector maintains, each with its own checkpoint. */
export const readModelProjections: readonly Projection[] = [
  organizationsProjection,
  programsProjection,
  agreementsProjection,
  activitiesProjection,
  outcomesProjection,
  followUpsProjection,
  programHistoryProjection,
];
