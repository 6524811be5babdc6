export * from './auth';
export * from './directory';
export * from './growth';
export * from './guides';
export * from './mail';
