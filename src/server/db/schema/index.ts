export * from './auth';
export * from './growth';
export * from './guides';
export * from './mail';
export * from './notifications';
export * from './programs';
export * from './relationships';
export * from './sessions';
