export { ProjectionRunner, type ProjectionRunnerOptions, type ProjectionStatus } from './projection-runner';
export { startProjector, type ProjectorOptions, type RunningProjector } from './start-projector';
