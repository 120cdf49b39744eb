import { AddFollowUpHandler } from './add-follow-up';
import { CloseFollowUpHandler } from './close-follow-up';
import { ReopenFollowUpHandler } from './reopen-follow-up';
import { UpdateFollowUpHandler } from './update-follow-up';

export * from './add-follow-up';
export * from './close-follow-up';
export * from './reopen-follow-up';
export * from './update-follow-up';
export const FollowUpHandlers = [AddFollowUpHandler, CloseFollowUpHandler, UpdateFollowUpHandler, ReopenFollowUpHandler];
