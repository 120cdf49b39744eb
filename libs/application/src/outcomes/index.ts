import { CorrectOutcomeHandler } from './correct-outcome';
import { RecordOutcomeHandler } from './record-outcome';

export * from './correct-outcome';
export * from './record-outcome';
export const OutcomeHandlers = [RecordOutcomeHandler, CorrectOutcomeHandler];
