import { Module } from '@nestjs/common';
import { FOLLOW_UP_COMMAND_HANDLERS } from './follow-up.commands';
import { FOLLOW_UP_QUERY_HANDLERS } from './follow-up.queries';
import { FollowUpsResolver } from './follow-ups.resolver';

@Module({ providers: [FollowUpsResolver, ...FOLLOW_UP_COMMAND_HANDLERS, ...FOLLOW_UP_QUERY_HANDLERS] })
export class FollowUpsModule {}
