import { Module } from '@nestjs/common';
import { AgreementHandlers } from '@tracker/application';
import { AGREEMENT_QUERY_HANDLERS } from './agreement.queries';
import { AgreementsResolver } from './agreements.resolver';

@Module({ providers: [AgreementsResolver, ...AgreementHandlers, ...AGREEMENT_QUERY_HANDLERS] })
export class AgreementsModule {}
