import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import {
  type Database,
  deleteMediaById,
  deleteMediaForUser,
  type Executor,
  findMediaById,
  insertMedia,
  type Media,
  type MediaKind,
} from '@mechta/db';
import type { Logger } from './logger.ts';

export type { Media, MediaKind };

/**
 * Who a signed URL was issued to. `owner` URLs are good until they expire; `public` ones are issued
 * to other viewers of something public and are re-checked against it when served.
 */
export type MediaScope = 'owner' | 'public';

export interface SaveMediaInput {
  userId: number;
  dreamId?: string | null;
  kind: MediaKind;
  mime: string;
  data: Buffer;
}

export interface MediaStoreDeps {
  db: Database;
  dataDir: string;
  /** Signs media URLs (a key is derived from it, so it may be shared with other uses). */
  secret: string;
  now: () => Date;
  logger: Logger;
}

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
  'image/svg+xml': 'svg',
  'video/mp4': 'mp4',
  'video/webm': 'webm',
  'video/quicktime': 'mov',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
};

/** File extension for a MIME type (`bin` when unknown). */
export const extensionFor = (mime: string) => EXTENSIONS[mime.toLowerCase().split(';')[0]!.trim()] ?? 'bin';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: string) => UUID.test(v);

/**
 * Generated files on disk (`<dataDir>/media/<yyyy>/<mm>/<uuid>.<ext>`) with a row each in `media`,
 * and signed, expiring URLs for them (`/media/<id>?exp=…&sig=…`), so that an <img> or <video> tag can
 * load them without a bearer token.
 */
export function createMediaStore(deps: MediaStoreDeps) {
  const { db, dataDir, now, logger } = deps;
  const key = createHmac('sha256', deps.secret).update('mechta:media-url').digest();
  const sign = (id: string, exp: number, scope: MediaScope) =>
    createHmac('sha256', key).update(`${id}.${exp}.${scope}`).digest('base64url');

  const absolute = (media: Pick<Media, 'path'>) => path.join(dataDir, media.path);

  async function unlinkQuietly(file: string) {
    await fs
      .rm(file, { force: true })
      .catch((err) => logger.warn({ err, file }, 'could not remove a media file'));
  }

  const store = {
    /** Root folder of the media files (every stored path is below `dataDir`). */
    dataDir,

    /** Writes the file, then its row; when the row cannot be written (e.g. the dream is gone) the file goes too. */
    async save(input: SaveMediaInput, executor: Executor = db): Promise<Media> {
      const at = now();
      const id = randomUUID();
      const rel = path.join(
        'media',
        String(at.getUTCFullYear()),
        String(at.getUTCMonth() + 1).padStart(2, '0'),
        `${id}.${extensionFor(input.mime)}`,
      );
      const file = path.join(dataDir, rel);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // Written under a temporary name and renamed, so a reader never sees half a file.
      const tmp = `${file}.${process.pid}.tmp`;
      await fs.writeFile(tmp, input.data);
      await fs.rename(tmp, file);
      try {
        return await insertMedia(executor, {
          id,
          userId: input.userId,
          dreamId: input.dreamId ?? null,
          kind: input.kind,
          mime: input.mime,
          path: rel,
          bytes: input.data.length,
          createdAt: at,
        });
      } catch (err) {
        await unlinkQuietly(file);
        throw err;
      }
    },

    async get(mediaId: string): Promise<Media | undefined> {
      if (!isUuid(mediaId)) return undefined;
      return findMediaById(db, mediaId);
    },

    /** Absolute path of a stored file. */
    filePath: absolute,

    /**
     * A URL that serves the file until `ttlSeconds` from now (never after `notAfter`). The expiry is
     * rounded up so that repeated requests get the same URL and the browser's cache can work.
     */
    signedUrl(
      mediaId: string,
      ttlSeconds: number,
      opts: { scope?: MediaScope; notAfter?: Date | null } = {},
    ): string {
      const scope = opts.scope ?? 'owner';
      const nowSec = Math.floor(now().getTime() / 1000);
      const step = ttlSeconds >= 4 * 3600 ? 3600 : 60;
      let exp = Math.ceil((nowSec + ttlSeconds) / step) * step;
      if (opts.notAfter) exp = Math.min(exp, Math.floor(opts.notAfter.getTime() / 1000));
      return `/media/${mediaId}?exp=${exp}&sig=${sign(mediaId, exp, scope)}`;
    },

    /** The scope a signature was issued for, or null when it is forged, for another file or expired. */
    verify(mediaId: string, exp: number, sig: string): MediaScope | null {
      if (!Number.isInteger(exp) || exp * 1000 <= now().getTime()) return null;
      const given = Buffer.from(sig, 'base64url');
      for (const scope of ['owner', 'public'] as const) {
        const expected = Buffer.from(sign(mediaId, exp, scope), 'base64url');
        if (given.length === expected.length && timingSafeEqual(given, expected)) return scope;
      }
      return null;
    },

    /** Deletes the row and then the file. */
    async remove(mediaId: string): Promise<void> {
      if (!isUuid(mediaId)) return;
      const row = await deleteMediaById(db, mediaId);
      if (row) await unlinkQuietly(absolute(row));
    },

    /**
     * Deletes all of a user's files and rows. Call it before deleting the user: the rows would go by
     * cascade, but the files would stay on disk.
     */
    async removeForUser(userId: number): Promise<number> {
      const rows = await deleteMediaForUser(db, userId);
      await Promise.all(rows.map((r) => unlinkQuietly(absolute(r))));
      return rows.length;
    },

    /** Removes the files of rows that are already deleted (e.g. by a cascade). */
    async removeFiles(rows: Pick<Media, 'path'>[]): Promise<void> {
      await Promise.all(rows.map((r) => unlinkQuietly(absolute(r))));
    },
  };
  return store;
}

export type MediaStore = ReturnType<typeof createMediaStore>;
