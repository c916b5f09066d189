import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Core } from '@mechta/core';
import { DREAM_CATEGORIES, type DreamCategory } from '@mechta/core/ai/types';
import { Type } from '@sinclair/typebox';
import { userId } from '../plugins/auth.ts';
import { errorResponses, Fail, Nullable, Ok, ok, okJson, PageQuery, paginate } from '../plugins/envelope.ts';

/** A string enum as plain JSON Schema (`enum`), typed as the union of its values. */
const StringEnum = <const T extends readonly string[]>(values: T, opts: { description?: string } = {}) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...opts });
const Category = StringEnum(DREAM_CATEGORIES);
const VideoStatus = StringEnum(['pending', 'processing', 'completed', 'failed']);

const Analysis = Type.Object({
  title: Type.String(),
  category: Category,
  themes: Type.Array(Type.String()),
  emotions: Type.Array(Type.String()),
  symbols: Type.Array(Type.String()),
  narrative: Type.String(),
  tags: Type.Array(Type.String()),
  confidence: Type.Number({ minimum: 0, maximum: 1 }),
  visual_prompt: Type.String(),
  video_prompt: Type.String(),
  provider: StringEnum(['openai', 'offline']),
  offline: Type.Boolean({ description: 'True when the offline analyser wrote it' }),
});

export const VideoSchema = Type.Object({
  status: VideoStatus,
  progress: Type.Integer({ minimum: 0, maximum: 100 }),
  url: Nullable(Type.String({ description: 'Signed /media URL, once completed' })),
  error: Nullable(Type.String()),
});

export const DreamSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  text: Type.String(),
  title: Nullable(Type.String()),
  lucid: Type.Boolean(),
  mood: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
  analysis: Nullable(Analysis),
  analysis_status: StringEnum(['pending', 'done', 'failed']),
  image_url: Nullable(Type.String({ description: 'Signed /media URL for this viewer' })),
  image_offline: Type.Boolean(),
  image_status: StringEnum(['none', 'pending', 'done', 'failed']),
  image_skipped: Nullable(StringEnum(['QUOTA_EXCEEDED', 'INSUFFICIENT_TOKENS'])),
  video: Nullable(VideoSchema),
  visibility: StringEnum(['private', 'public']),
  anonymous: Type.Boolean(),
  public_until: Nullable(Type.String({ format: 'date-time' })),
  views: Type.Integer(),
  created_at: Type.String({ format: 'date-time' }),
  own: Type.Boolean(),
  author: Type.Optional(Nullable(Type.Object({ id: Nullable(Type.Integer()), name: Type.String() }))),
});

const Insights = Type.Object({
  total: Type.Integer(),
  streak: Type.Object({
    current: Type.Integer(),
    longest: Type.Integer(),
    days_logged_last_30: Type.Integer(),
  }),
  categories: Type.Array(Type.Object({ category: Category, count: Type.Integer() })),
  symbols: Type.Array(Type.Object({ symbol: Type.String(), count: Type.Integer() })),
  emotions: Type.Array(Type.Object({ emotion: Type.String(), count: Type.Integer() })),
  emotions_over_time: Type.Array(
    Type.Object({
      week: Type.String({ description: 'ISO week, e.g. 2026-W47' }),
      emotions: Type.Record(Type.String(), Type.Integer()),
    }),
  ),
  lucid_share: Type.Number({ minimum: 0, maximum: 1 }),
});

const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

const ListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Full-text search (Russian and English)' })),
  category: Type.Optional(Category),
  emotion: Type.Optional(Type.String({ maxLength: 80 })),
  tag: Type.Optional(Type.String({ maxLength: 80 })),
  lucid: Type.Optional(Type.Boolean()),
  from: Type.Optional(Type.String({ maxLength: 32, description: 'First local day, YYYY-MM-DD' })),
  to: Type.Optional(Type.String({ maxLength: 32, description: 'Last local day, YYYY-MM-DD (inclusive)' })),
});

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
        body: Type.Object(
          {
            text: Type.String({ maxLength: 20_000 }),
            lucid: Type.Optional(Type.Boolean()),
            mood: Type.Optional(Nullable(Type.Integer())),
            title: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
          },
          { additionalProperties: false },
        ),
        headers: Type.Object({
          'idempotency-key': Type.Optional(
            Type.String({
              maxLength: 128,
              description: 'Repeating a request with the same key returns the same dream',
            }),
          ),
        }),
        response: { 201: Ok(DreamSchema), ...dreamErrors },
      },
    },
    async (req, reply) => {
      const dream = await core.dreams.create(userId(req), {
        ...req.body,
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
        querystring: ListQuery,
        response: { 200: Ok(Type.Array(DreamSchema)), ...errorResponses },
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
        response: { 200: Ok(Type.Array(DreamSchema)), ...errorResponses },
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
        response: { 200: Ok(Insights), ...errorResponses },
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
        params: IdParams,
        response: { 200: Ok(DreamSchema), ...errorResponses },
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
        params: IdParams,
        body: Type.Object(
          {
            text: Type.Optional(Type.String({ maxLength: 20_000 })),
            title: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
            lucid: Type.Optional(Type.Boolean()),
            mood: Type.Optional(Nullable(Type.Integer())),
          },
          { additionalProperties: false },
        ),
        response: { 200: Ok(DreamSchema), ...errorResponses },
      },
    },
    async (req) => ok(req, await core.dreams.update(userId(req), req.params.id, req.body)),
  );

  app.delete(
    '/dreams/:id',
    {
      schema: {
        tags,
        summary: 'Delete your dream with its image and video files',
        params: IdParams,
        response: {
          200: Ok(Type.Object({ id: Type.String(), deleted: Type.Literal(true) })),
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
        params: IdParams,
        body: Type.Optional(
          Type.Object({ anonymous: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        ),
        response: { 200: Ok(DreamSchema), ...errorResponses },
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
        params: IdParams,
        response: { 200: Ok(DreamSchema), ...errorResponses },
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
        params: IdParams,
        response: { 202: Ok(VideoSchema), ...dreamErrors },
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
        params: IdParams,
        response: { 200: Ok(Nullable(VideoSchema)), ...errorResponses },
      },
    },
    async (req) => ok(req, (await core.dreams.get(userId(req), req.params.id)).video),
  );
};
