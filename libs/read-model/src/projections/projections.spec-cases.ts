import type { ProjectionSpecCase } from '../testing/projection-spec';
import { activitiesProjectionSpecs } from './activities.projection.spec-cases';
import { agreementsProjectionSpecs } from './agreements.projection.spec-cases';
import { followUpsProjectionSpecs } from './follow-ups.projection.spec-cases';
import { organizationsProjectionSpecs } from './organizations.projection.spec-cases';
import { outcomesProjectionSpecs } from './outcomes.projection.spec-cases';
import { programHistoryProjectionSpecs } from './program-history.projection.spec-cases';
import { programsProjectionSpecs } from './programs.projection.spec-cases';

/** Every projection's specs: the one list both runners run (README, "Projection specs"). */
export const projectionSpecCases: readonly ProjectionSpecCase[] = [
  ...organizationsProjectionSpecs,
  ...programsProjectionSpecs,
  ...agreementsProjectionSpecs,
  ...activitiesProjectionSpecs,
  ...outcomesProjectionSpecs,
  ...followUpsProjectionSpecs,
  ...programHistoryProjectionSpecs,
];
