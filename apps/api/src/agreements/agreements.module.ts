import { Module } from '@nestjs/common';
import { AGREEMENT_COMMAND_HANDLERS } from './agreement.commands';
import { AGREEMENT_QUERY_HANDLERS } from './agreement.queries';
import { AgreementsResolver } from './agreements.resolver';

@Module({ providers: [AgreementsResolver, ...AGREEMENT_COMMAND_HANDLERS, ...AGREEMENT_QUERY_HANDLERS] })
export class AgreementsModule {}
