import { Module } from '@nestjs/common';
import { ProgramHandlers } from '@tracker/application';
import { ProgramFieldsResolver, ProgramPartnerFieldsResolver } from './program-fields.resolver';
import { PROGRAM_QUERY_HANDLERS } from './program.queries';
import { ProgramsResolver } from './programs.resolver';

@Module({
  providers: [ProgramsResolver, ProgramFieldsResolver, ProgramPartnerFieldsResolver, ...ProgramHandlers, ...PROGRAM_QUERY_HANDLERS],
})
export class ProgramsModule {}
