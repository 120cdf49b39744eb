import { AddFollowUpHandler } from './add-follow-up';
import { CloseFollowUpHandler } from './close-follow-up';

export * from './add-follow-up';
export * from './close-follow-up';
export const FollowUpHandlers = [AddFollowUpHandler, CloseFollowUpHandler];
