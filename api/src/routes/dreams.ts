import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '@mechta/core';
import type { DreamCategory } from '@mechta/core/ai/types';
import { Type } from '@sinclair/typebox';
import { userId } from '../plugins/auth.ts';
import { errorResponses, Fail, Nullable, Ok, ok, okJson, PageQuery, paginate } from '../plugins/envelope.ts';
import {
  DeletedDreamSchema,
  Dream,
  DreamIdParams,
  DreamInsights,
  DreamListQuery,
  DreamPatchBody,
  DreamVideo,
  IdempotencyHeaders,
  NewDreamBody,
  ShareBody,
} from '../schemas/dreams.ts';
import { ref } from '../schemas/registry.ts';

const dreamErrors = { ...errorResponses, 402: Fail, 403: Fail, 409: Fail, 503: Fail };

/** The dream journal, the public feed, sharing, videos and insights. Every route needs a signed-in user. */
export const dreamsRoutes: FastifyPluginAsyncTypebox<{ core: Core }> = async (app, { core }) => {
  app.addHook('onRequest', app.requireUser);
  const tags = ['dreams'];

  app.post(
    '/dreams',
    {
      schema: {
        tags,
        summary: 'Log a dream: validated, charged (analysis), analysed in the background',
        body: NewDreamBody,
        headers: IdempotencyHeaders,
        response: { 201: Ok(Dream), ...dreamErrors },
      },
    },
    async (req, reply) => {
      const { mood_on_waking, ...body } = req.body;
      const dream = await core.dreams.create(userId(req), {
        ...body,
        moodOnWaking: mood_on_waking,
        source: 'api',
        idempotencyKey: req.headers['idempotency-key'],
      });
      reply.code(201);
      return ok(req, dream);
    },
  );

  app.get(
    '/dreams',
    {
      schema: {
        tags,
        summary: 'The journal: newest first, or best match first with ?q=; filters combine',
        querystring: DreamListQuery,
        response: { 200: Ok(Type.Array(Dream)), ...errorResponses },
      },
    },
    async (req, reply) => {
      const { page, page_size, category, ...filters } = req.query;
      const result = await core.dreams.listJson(userId(req), {
        ...filters,
        // The schema only lets the known categories through.
        category: category as DreamCategory | undefined,
        page,
        pageSize: page_size,
      });
      paginate(req, result.page, result.pageSize, result.total);
      // The hottest read of the app: the items come as JSON text from the journal cache and are
      // wrapped in the envelope as they are, instead of parsed and serialised again.
      // (`as never`: the typed reply expects the object form of the same envelope.)
      return reply.type('application/json; charset=utf-8').send(okJson(req, result.itemsJson) as never);
    },
  );

  app.get(
    '/dreams/feed',
    {
      schema: {
        tags,
        summary: 'Public dreams shared in the last DREAM_TTL_SECONDS, newest first (counts a view)',
        querystring: PageQuery,
        response: { 200: Ok(Type.Array(Dream)), ...errorResponses },
      },
    },
    async (req) => {
      const result = await core.dreams.feed(userId(req), {
        page: req.query.page,
        pageSize: req.query.page_size,
      });
      paginate(req, result.page, result.pageSize, result.total);
      return ok(req, result.items);
    },
  );

  app.get(
    '/dreams/insights',
    {
      schema: {
        tags,
        summary: 'Category mix, recurring symbols and emotions, emotions per week, logging streak',
        response: { 200: Ok(DreamInsights), ...errorResponses },
      },
    },
    async (req) => ok(req, await core.dreams.insights(userId(req))),
  );

  app.get(
    '/dreams/:id',
    {
      schema: {
        tags,
        summary: "A dream: the author's, or anyone's public one while it is in the feed",
        params: DreamIdParams,
        response: { 200: Ok(Dream), ...errorResponses },
      },
    },
    async (req) => ok(req, await core.dreams.get(userId(req), req.params.id)),
  );

  app.patch(
    '/dreams/:id',
    {
      schema: {
        tags,
        summary: 'Edit your dream (text, title, lucid, mood)',
        params: DreamIdParams,
        body: DreamPatchBody,
        response: { 200: Ok(Dream), ...errorResponses },
      },
    },
    async (req) => {
      const { mood_on_waking, ...patch } = req.body;
      return ok(
        req,
        await core.dreams.update(userId(req), req.params.id, {
          ...patch,
          ...(mood_on_waking !== undefined ? { moodOnWaking: mood_on_waking } : {}),
        }),
      );
    },
  );

  app.post(
    '/dreams/:id/analysis',
    {
      schema: {
        tags,
        summary:
          'Analyse a dream saved without analysis (or waiting for the quota): charged like a new one; over the quota it waits. A dream already analysed is answered as it is (see /reanalysis)',
        params: DreamIdParams,
        response: { 202: Ok(Dream), ...dreamErrors },
      },
    },
    async (req, reply) => {
      const dream = await core.dreams.requestAnalysis(userId(req), req.params.id);
      reply.code(202);
      return ok(req, dream);
    },
  );

  app.post(
    '/dreams/:id/reanalysis',
    {
      schema: {
        tags,
        summary:
          'Analyse your dream again (after editing its text): charged as an analysis within the text quota; the previous analysis shows until the new one arrives',
        params: DreamIdParams,
        response: { 202: Ok(Dream), ...dreamErrors },
      },
    },
    async (req, reply) => {
      const dream = await core.dreams.reanalyze(userId(req), req.params.id);
      reply.code(202);
      return ok(req, dream);
    },
  );

  app.delete(
    '/dreams/:id',
    {
      schema: {
        tags,
        summary: 'Delete your dream with its image and video files',
        params: DreamIdParams,
        response: {
          200: Ok(ref(DeletedDreamSchema)),
          ...errorResponses,
        },
      },
    },
    async (req) => {
      await core.dreams.remove(userId(req), req.params.id);
      return ok(req, { id: req.params.id, deleted: true as const });
    },
  );

  app.post(
    '/dreams/:id/share',
    {
      schema: {
        tags,
        summary: 'Share your dream to the public feed for DREAM_TTL_SECONDS (optionally anonymously)',
        params: DreamIdParams,
        body: ShareBody,
        response: { 200: Ok(Dream), ...errorResponses },
      },
    },
    async (req) =>
      ok(req, await core.dreams.share(userId(req), req.params.id, { anonymous: req.body?.anonymous })),
  );

  app.delete(
    '/dreams/:id/share',
    {
      schema: {
        tags,
        summary: 'Take your dream out of the public feed',
        params: DreamIdParams,
        response: { 200: Ok(Dream), ...errorResponses },
      },
    },
    async (req) => ok(req, await core.dreams.unshare(userId(req), req.params.id)),
  );

  app.post(
    '/dreams/:id/video',
    {
      schema: {
        tags,
        summary: 'Film your dream: charges the video price and starts the job (503 AI_UNAVAILABLE offline)',
        params: DreamIdParams,
        response: { 202: Ok(DreamVideo), ...dreamErrors },
      },
    },
    async (req, reply) => {
      const dream = await core.dreams.requestVideo(userId(req), req.params.id);
      reply.code(202);
      return ok(req, dream.video ?? { status: 'pending' as const, progress: 0, url: null, error: null });
    },
  );

  app.get(
    '/dreams/:id/video',
    {
      schema: {
        tags,
        summary: "The video's state and progress (null when none was requested)",
        params: DreamIdParams,
        response: { 200: Ok(Nullable(DreamVideo)), ...errorResponses },
      },
    },
    async (req) => ok(req, (await core.dreams.get(userId(req), req.params.id)).video),
  );
};
