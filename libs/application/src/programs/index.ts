import { AddProgramPartnerHandler } from './add-program-partner';
import { ChangeProgramStatusHandler } from './change-program-status';
import { LaunchProgramHandler } from './launch-program';

export * from './add-program-partner';
export * from './change-program-status';
export * from './launch-program';
export const ProgramHandlers = [LaunchProgramHandler, AddProgramPartnerHandler, ChangeProgramStatusHandler];
