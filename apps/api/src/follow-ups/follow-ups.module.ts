import { Module } from '@nestjs/common';
import { FollowUpHandlers } from '@tracker/application';
import { FOLLOW_UP_QUERY_HANDLERS } from './follow-up.queries';
import { FollowUpsResolver } from './follow-ups.resolver';

@Module({ providers: [FollowUpsResolver, ...FollowUpHandlers, ...FOLLOW_UP_QUERY_HANDLERS] })
export class FollowUpsModule {}
