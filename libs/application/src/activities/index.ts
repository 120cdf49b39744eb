import { LogActivityHandler } from './log-activity';

export * from './log-activity';
export const ActivityHandlers = [LogActivityHandler];
