import { Module } from '@nestjs/common';
import { ActivitiesResolver, ParticipantFieldsResolver } from './activities.resolver';
import { ACTIVITY_COMMAND_HANDLERS } from './activity.commands';
import { ACTIVITY_QUERY_HANDLERS } from './activity.queries';

@Module({ providers: [ActivitiesResolver, ParticipantFieldsResolver, ...ACTIVITY_COMMAND_HANDLERS, ...ACTIVITY_QUERY_HANDLERS] })
export class ActivitiesModule {}
