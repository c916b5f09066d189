/**
 * The dreams part of `/api/v1` as the Mini App reads it; the shapes are the generated ones
 * (schema.gen.ts), named here.
 */
import type { components, paths } from './schema.gen.ts';

type Schemas = components['schemas'];

export type DreamCategory = Schemas['DreamCategory'];
export type VideoStatus = Schemas['DreamVideo']['status'];
export type DreamAnalysis = Schemas['DreamAnalysis'];
export type DreamVideo = Schemas['DreamVideo'];
export type Dream = Schemas['Dream'];
export type DreamInsights = Schemas['DreamInsights'];
/** What `POST /dreams` accepts. */
export type NewDream = NonNullable<paths['/dreams']['post']['requestBody']>['content']['application/json'];

// A record, so the list fails to compile when the API's categories change.
const CATEGORY_SET: Record<DreamCategory, true> = {
  gothic: true,
  chase: true,
  flight: true,
  transformation: true,
  physics: true,
  liminal: true,
  other: true,
};
/** The categories in the order the journal's chips show them. */
export const DREAM_CATEGORIES = Object.keys(CATEGORY_SET) as DreamCategory[];

/** The journal's filters; all optional, combined with AND by the server. */
export interface DreamFilters {
  q?: string;
  category?: DreamCategory;
  emotion?: string;
  tag?: string;
  lucid?: boolean;
}

/** The query of `GET /dreams` for the journal with these filters. */
export function dreamsListQuery(filters: DreamFilters): DreamFilters {
  const q = filters.q?.trim();
  return { ...filters, q: q || undefined };
}

/** Whether a background job is still working on the dream's analysis or picture. */
export function isDreamInProgress(dream: Dream): boolean {
  return dream.analysis_status === 'pending' || dream.image_status === 'pending';
}

export function isVideoInProgress(dream: Dream): boolean {
  return dream.video?.status === 'pending' || dream.video?.status === 'processing';
}
