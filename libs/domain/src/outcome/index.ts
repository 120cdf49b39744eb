export * from './outcome.events';
export * from './outcome.commands';
export * from './outcome.decider';
