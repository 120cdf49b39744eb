import { AddProgramPartnerHandler } from './add-program-partner';
import { ChangeProgramStatusHandler } from './change-program-status';
import { CorrectProgramHandler } from './correct-program';
import { LaunchProgramHandler } from './launch-program';
import { RemoveProgramPartnerHandler } from './remove-program-partner';

export * from './add-program-partner';
export * from './change-program-status';
export * from './correct-program';
export * from './launch-program';
export * from './remove-program-partner';
export const ProgramHandlers = [
  LaunchProgramHandler,
  AddProgramPartnerHandler,
  ChangeProgramStatusHandler,
  CorrectProgramHandler,
  RemoveProgramPartnerHandler,
];
