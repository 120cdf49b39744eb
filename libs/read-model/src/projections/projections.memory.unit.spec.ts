import { memoryRowStoreBackend, runProjectionSpecs } from '../testing/projection-spec';
import { readModelProjections } from './index';
import { projectionSpecCases } from './projections.spec-cases';

describe('projection specs on the in-memory row store', () => {
  runProjectionSpecs(memoryRowStoreBackend, projectionSpecCases);
});

// Runs here only: it is about the list of cases, whichever backend runs them.
describe('the list of projection specs', () => {
  it.each(readModelProjections.map((projection) => [projection.name]))('covers the %s projection, with an event delivered twice', (name) => {
    const cases = projectionSpecCases.filter((spec) => spec.projection.name === name);
    const redelivers = cases.some((spec) => spec.when.some((event) => spec.given.some((earlier) => earlier.position === event.position)));
    expect({ cases: cases.length > 0, redelivers }).toEqual({ cases: true, redelivers: true });
  });
});
