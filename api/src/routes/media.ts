import fs from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError, type Core } from '@mechta/core';
import { Type } from '@sinclair/typebox';
import { Fail } from '../plugins/envelope.ts';

// Browsers may keep a file for as long as its URL is valid, and no longer: an expired URL must not
// keep showing content that is no longer public.
const MAX_CACHE_SECONDS = 7 * 86_400;

/**
 * `GET /media/{id}?exp=&sig=`: generated images and videos behind signed, expiring URLs (an <img> or
 * <video> tag cannot send a bearer token). Range requests work, so videos play and seek.
 */
export const mediaRoutes: FastifyPluginAsyncTypebox<{ core: Core }> = async (app, { core }) => {
  // Only for `reply.sendFile` (ranges, ETag, 304); nothing is served from a folder by path.
  await app.register(fastifyStatic, { root: core.media.dataDir, serve: false });

  app.get(
    '/media/:id',
    {
      schema: {
        tags: ['media'],
        summary: 'A generated image or video, by the signed URL a dream view gives',
        security: [],
        params: Type.Object({ id: Type.String({ maxLength: 64 }) }),
        querystring: Type.Object({
          exp: Type.Integer({ description: 'Expiry, Unix seconds' }),
          sig: Type.String({ maxLength: 128 }),
        }),
        response: {
          200: Type.Unsafe<Buffer>({ description: 'The file', type: 'string', format: 'binary' }),
          206: Type.Unsafe<Buffer>({
            description: 'Part of the file (Range)',
            type: 'string',
            format: 'binary',
          }),
          304: Type.Null({ description: 'Not modified' }),
          403: Fail,
          404: Fail,
          416: Fail,
        },
      },
    },
    async (req, reply) => {
      const { id } = req.params;
      const scope = core.media.verify(id, req.query.exp, req.query.sig);
      if (!scope) throw new AppError('FORBIDDEN', 'the link is invalid or has expired');
      let file: { path: string; mime: string };
      if (scope === 'owner') {
        const row = await core.media.get(id);
        if (!row) throw new AppError('NOT_FOUND', 'media not found');
        file = { path: core.media.filePath(row), mime: row.mime };
      } else {
        // Issued to someone other than the owner: only while the dream is still public.
        file = await core.dreams.media(null, id);
      }
      const exists = await fs
        .stat(file.path)
        .then((s) => s.isFile())
        .catch(() => false);
      if (!exists) throw new AppError('NOT_FOUND', 'media file is missing');
      const maxAge = Math.max(
        0,
        Math.min(MAX_CACHE_SECONDS, req.query.exp - Math.floor(core.now().getTime() / 1000)),
      );
      reply.header('cache-control', `private, max-age=${maxAge}, immutable`);
      reply.type(file.mime);
      const root = path.dirname(file.path);
      return reply.sendFile(path.basename(file.path), root, { cacheControl: false, contentType: false });
    },
  );
};
