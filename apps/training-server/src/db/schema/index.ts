export * from './audit';
export * from './mail';
export * from './organisations';
export * from './users';
