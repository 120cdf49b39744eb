import { CancelActivityHandler } from './cancel-activity';
import { CorrectActivityHandler } from './correct-activity';
import { LogActivityHandler } from './log-activity';

export * from './cancel-activity';
export * from './correct-activity';
export * from './log-activity';
export const ActivityHandlers = [LogActivityHandler, CorrectActivityHandler, CancelActivityHandler];
