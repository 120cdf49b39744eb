import { CorrectOutcomeHandler } from './correct-outcome';
import { RecordOutcomeHandler } from './record-outcome';
import { VoidOutcomeHandler } from './void-outcome';

export * from './correct-outcome';
export * from './record-outcome';
export * from './void-outcome';
export const OutcomeHandlers = [RecordOutcomeHandler, CorrectOutcomeHandler, VoidOutcomeHandler];
