export * from './auth';
export * from './growth';
export * from './guides';
export * from './mail';
export * from './growth-tools';
