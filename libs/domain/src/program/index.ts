export * from './program.events';
export * from './program.commands';
export * from './program.decider';
