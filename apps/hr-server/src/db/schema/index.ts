// drizzle needs one object with every table; this is the only re-export file in the server.
export * from './attendance';
export * from './auth';
export * from './employees';
export * from './imports';
export * from './mail';
export * from './masters';
export * from './profile-batches';
export * from './profile-sheet';
export * from './records';
export * from './requests';
export * from './tenants';
