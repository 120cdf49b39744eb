import { Module } from '@nestjs/common';
import { ActivitiesResolver, ParticipantFieldsResolver } from './activities.resolver';
import { ActivityHandlers } from '@tracker/application';
import { ACTIVITY_QUERY_HANDLERS } from './activity.queries';

@Module({ providers: [ActivitiesResolver, ParticipantFieldsResolver, ...ActivityHandlers, ...ACTIVITY_QUERY_HANDLERS] })
export class ActivitiesModule {}
