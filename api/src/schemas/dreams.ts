import { DREAM_CATEGORIES } from '@mechta/core/ai/types';
import { type Static, Type } from '@sinclair/typebox';
import { Nullable, PageQuery } from '../plugins/envelope.ts';
import { DateTime, NullableStringEnum, ref, StringEnum } from './registry.ts';

/** The shapes of the dreams routes (api/src/routes/dreams.ts). */

export const DreamCategorySchema = StringEnum(DREAM_CATEGORIES, { $id: 'DreamCategory' });
const Category = ref(DreamCategorySchema);

export const DreamAnalysisSchema = Type.Object(
  {
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
  },
  { $id: 'DreamAnalysis', additionalProperties: false },
);

export const DreamVideoSchema = Type.Object(
  {
    status: StringEnum(['pending', 'processing', 'completed', 'failed']),
    progress: Type.Integer({ minimum: 0, maximum: 100 }),
    url: Nullable(Type.String({ description: 'Signed /media URL, once completed' })),
    error: Nullable(Type.String()),
  },
  { $id: 'DreamVideo', additionalProperties: false },
);
export const DreamVideo = ref(DreamVideoSchema);

export const DreamSchema = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    text: Type.String(),
    title: Nullable(Type.String()),
    lucid: Type.Boolean(),
    mood: Nullable(Type.Integer({ minimum: 1, maximum: 5, description: 'Mood before sleep' })),
    mood_on_waking: Nullable(Type.Integer({ minimum: 1, maximum: 5, description: 'Mood on waking' })),
    analysis: Nullable(ref(DreamAnalysisSchema)),
    analysis_status: StringEnum(['pending', 'done', 'failed', 'waiting_quota', 'skipped'], {
      description:
        'waiting_quota: kept over the daily analysis quota, analysed when it allows; skipped: saved without analysis; pending with an analysis present: a re-analysis is running and the previous one shows',
    }),
    image_url: Nullable(Type.String({ description: 'Signed /media URL for this viewer' })),
    voice_url: Nullable(
      Type.String({ description: 'The voice note the dream was told in (OGG/Opus), for its owner only' }),
    ),
    image_offline: Type.Boolean(),
    image_status: StringEnum(['none', 'pending', 'done', 'failed']),
    image_skipped: NullableStringEnum(['QUOTA_EXCEEDED', 'INSUFFICIENT_TOKENS']),
    video: Nullable(DreamVideo),
    visibility: StringEnum(['private', 'public']),
    anonymous: Type.Boolean(),
    public_until: Nullable(DateTime),
    views: Type.Integer(),
    created_at: DateTime,
    dream_date: Type.String({
      description: "YYYY-MM-DD: the night it belongs to, the writer's local day (zone and day start)",
    }),
    own: Type.Boolean({
      description: 'The viewer wrote it: editing, sharing, video and deleting are theirs',
    }),
    author: Type.Optional(
      Nullable(
        Type.Object(
          { id: Nullable(Type.Integer()), name: Type.String() },
          { description: 'In the public feed: the author, or null when shared anonymously' },
        ),
      ),
    ),
  },
  { $id: 'Dream', additionalProperties: false },
);
export const Dream = ref(DreamSchema);
export type DreamResult = Static<typeof DreamSchema>;

export const DreamInsightsSchema = Type.Object(
  {
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
  },
  { $id: 'DreamInsights', additionalProperties: false },
);
export const DreamInsights = ref(DreamInsightsSchema);

export const DeletedDreamSchema = Type.Object(
  { id: Type.String(), deleted: Type.Literal(true) },
  { $id: 'DeletedDream', additionalProperties: false },
);

export const DreamIdParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const DreamListQuery = Type.Object({
  ...PageQuery.properties,
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Full-text search (Russian and English)' })),
  category: Type.Optional(StringEnum(DREAM_CATEGORIES)),
  emotion: Type.Optional(Type.String({ maxLength: 80 })),
  tag: Type.Optional(Type.String({ maxLength: 80 })),
  lucid: Type.Optional(Type.Boolean()),
  from: Type.Optional(Type.String({ maxLength: 32, description: 'First local day, YYYY-MM-DD' })),
  to: Type.Optional(Type.String({ maxLength: 32, description: 'Last local day, YYYY-MM-DD (inclusive)' })),
});

export const NewDreamBody = Type.Object(
  {
    text: Type.String({ maxLength: 20_000 }),
    lucid: Type.Optional(Type.Boolean()),
    mood: Type.Optional(Nullable(Type.Integer())),
    mood_on_waking: Type.Optional(Nullable(Type.Integer())),
    title: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    analyze: Type.Optional(
      Type.Boolean({
        description: 'false: keep it in the journal only (analysis_status "skipped"), nothing charged',
      }),
    ),
  },
  { additionalProperties: false },
);

export const DreamPatchBody = Type.Object(
  {
    text: Type.Optional(Type.String({ maxLength: 20_000 })),
    title: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
    lucid: Type.Optional(Type.Boolean()),
    mood: Type.Optional(Nullable(Type.Integer())),
    mood_on_waking: Type.Optional(Nullable(Type.Integer())),
  },
  { additionalProperties: false },
);

export const ShareBody = Type.Optional(
  Type.Object({ anonymous: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
);

export const IdempotencyHeaders = Type.Object({
  'idempotency-key': Type.Optional(
    Type.String({
      maxLength: 128,
      description: 'Repeating a request with the same key returns the same dream',
    }),
  ),
});
