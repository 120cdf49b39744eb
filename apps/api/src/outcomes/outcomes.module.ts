import { Module } from '@nestjs/common';
import { OUTCOME_COMMAND_HANDLERS } from './outcome.commands';
import { OUTCOME_QUERY_HANDLERS } from './outcome.queries';
import { OutcomesResolver } from './outcomes.resolver';

@Module({ providers: [OutcomesResolver, ...OUTCOME_COMMAND_HANDLERS, ...OUTCOME_QUERY_HANDLERS] })
export class OutcomesModule {}
