import type { Media, NewMedia } from '../schema.ts';
import type { Executor } from './users.ts';

/* Rows of stored files; the files themselves are written and removed by core's media store. */

export function insertMedia(db: Executor, media: NewMedia): Promise<Media> {
  return db.insertInto('media').values(media).returningAll().executeTakeFirstOrThrow();
}

export function findMediaById(db: Executor, id: string): Promise<Media | undefined> {
  return db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Deletes the row and returns it (for its path), or undefined when it was already gone. */
export function deleteMediaById(db: Executor, id: string): Promise<Media | undefined> {
  return db.deleteFrom('media').where('id', '=', id).returningAll().executeTakeFirst();
}

export function listMediaForDream(db: Executor, dreamId: string): Promise<Media[]> {
  return db.selectFrom('media').selectAll().where('dreamId', '=', dreamId).execute();
}

export function listMediaForUser(db: Executor, userId: number): Promise<Media[]> {
  return db.selectFrom('media').selectAll().where('userId', '=', userId).execute();
}

/** Deletes every media row of a user and returns them (for their paths). */
export function deleteMediaForUser(db: Executor, userId: number): Promise<Media[]> {
  return db.deleteFrom('media').where('userId', '=', userId).returningAll().execute();
}
