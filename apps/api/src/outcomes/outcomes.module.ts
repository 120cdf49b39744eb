import { Module } from '@nestjs/common';
import { OutcomeHandlers } from '@tracker/application';
import { OUTCOME_QUERY_HANDLERS } from './outcome.queries';
import { OutcomesResolver } from './outcomes.resolver';

@Module({ providers: [OutcomesResolver, ...OutcomeHandlers, ...OUTCOME_QUERY_HANDLERS] })
export class OutcomesModule {}
