export * from './follow-up.events';
export * from './follow-up.commands';
export * from './follow-up.decider';
