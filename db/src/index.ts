export * from './connect.ts';
export * from './migrate.ts';
export * from './repositories/authSessions.ts';
export * from './repositories/botSessions.ts';
export * from './repositories/updates.ts';
export * from './repositories/users.ts';
export * from './repositories/wallet.ts';
export type * from './schema.ts';
