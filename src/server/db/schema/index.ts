export * from './auth';
export * from './growth';
