import { Module } from '@nestjs/common';
import { PROGRAM_COMMAND_HANDLERS } from './program.commands';
import { ProgramFieldsResolver, ProgramPartnerFieldsResolver } from './program-fields.resolver';
import { PROGRAM_QUERY_HANDLERS } from './program.queries';
import { ProgramsResolver } from './programs.resolver';

@Module({
  providers: [ProgramsResolver, ProgramFieldsResolver, ProgramPartnerFieldsResolver, ...PROGRAM_COMMAND_HANDLERS, ...PROGRAM_QUERY_HANDLERS],
})
export class ProgramsModule {}
