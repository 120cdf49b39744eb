export * from './reference-case.data';
