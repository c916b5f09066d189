// Core owns the database: the processes that wire it up (api/src/server.ts) reach it through core,
// so no adapter imports @mechta/db.
export { connect as connectDatabase, migrateToLatest } from '@mechta/db';
