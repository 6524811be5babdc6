export * from './auth';
export * from './growth';
export * from './growth-tools';
export * from './guides';
export * from './mail';
