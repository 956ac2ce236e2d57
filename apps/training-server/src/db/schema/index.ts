export * from './applications';
export * from './audit';
export * from './courses';
export * from './mail';
export * from './organisations';
export * from './scim';
export * from './users';
