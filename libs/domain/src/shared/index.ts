export * from './errors';
export * from './decider';
export * from './validation';
export * from './localized-text';
export * from './country-code';
export * from './money';
export * from './thai-date';
export * from './search-folding';
