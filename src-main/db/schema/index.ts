export * from './customers';
export * from './calls';
export * from './knowledge';
