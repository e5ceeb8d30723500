export * from './customers';
export * from './calls';
export * from './knowledge';
export * from './sync';
export * from './work-items';
