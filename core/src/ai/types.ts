import { z } from 'zod';

export const DREAM_CATEGORIES = [
  'gothic',
  'chase',
  'flight',
  'transformation',
  'physics',
  'liminal',
  'other',
] as const;
export type DreamCategory = (typeof DREAM_CATEGORIES)[number];

export type AiLanguage = 'ru' | 'en';

const label = z.string().trim().min(1).max(80);
const labels = (max: number, description: string) => z.array(label).max(max).describe(description);

/**
 * The analysis every provider must produce; answers that fail it are retried, then replaced offline.
 * The descriptions travel to the model in the structured-output schema derived from it.
 */
export const dreamAnalysisSchema = z.object({
  title: z.string().trim().min(1).max(120).describe('A short evocative title, at most 6 words'),
  themes: labels(12, '2-5 themes'),
  emotions: labels(12, '1-4 emotions, lower case'),
  symbols: labels(16, '2-6 key symbols or images, lower case'),
  narrative: z.string().trim().min(1).max(2000).describe('A short retelling in 1-3 sentences'),
  tags: labels(16, '3-8 short lower-case tags'),
  category: z.enum(DREAM_CATEGORIES),
  confidence: z.number().min(0).max(1).describe('How well the dream fits the category, 0..1'),
  visual_prompt: z
    .string()
    .trim()
    .min(10)
    .max(3000)
    .describe('English prompt for an ethereal, dreamlike image'),
  video_prompt: z
    .string()
    .trim()
    .min(10)
    .max(3000)
    .describe('English prompt for a 5-second video, 100-150 words'),
});

export type DreamAnalysis = z.infer<typeof dreamAnalysisSchema>;

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface AnalysisResult {
  analysis: DreamAnalysis;
  provider: 'openai' | 'offline';
  model: string;
  /** Tokens actually spent, including attempts that failed before a fallback. */
  usage: TokenUsage;
  costUsd: number;
  durationMs: number;
  /** True when a configured remote provider failed and the offline analyser answered instead. */
  fellBack: boolean;
  /** Remote attempts made (0 when the offline analyser was the configured provider). */
  attempts: number;
}

export const READING_LENSES = ['jung', 'cognitive', 'folk'] as const;
export type ReadingLensId = (typeof READING_LENSES)[number];

/** A lens reading as a provider must produce it; answers that fail it fall back to the offline reader. */
export const dreamReadingSchema = z.object({
  text: z
    .string()
    .trim()
    .min(40)
    .max(1500)
    .describe("The reading: 3-5 sentences naming the dream's symbols and emotions"),
});

/** What a reading is written from: the dream, its analysis and what the dreamer told us before. */
export interface ReadingInput {
  lens: ReadingLensId;
  language: AiLanguage;
  dreamText: string;
  symbols: string[];
  emotions: string[];
  /** Symbols that also appear in the dreamer's other dreams of the last 30 days, with the count. */
  recurring: { symbol: string; count: number }[];
  /** Lenses the dreamer marked as fitting, most marked first. */
  favouredLenses: ReadingLensId[];
  /** Lenses the dreamer marked as not fitting. */
  rejectedLenses: ReadingLensId[];
}

export interface ReadingResult {
  text: string;
  usage: TokenUsage;
}

export interface TextAi {
  analyzeDream(input: { text: string; language: AiLanguage }): Promise<AnalysisResult>;
  /**
   * A short reading of the dream through one lens, when the provider can write one; absent on the
   * offline provider. Rejects on failure: the caller falls back to the offline reader.
   */
  readDream?(input: ReadingInput): Promise<ReadingResult>;
}

export interface ImageInput {
  prompt: string;
  category: DreamCategory;
  emotions: string[];
  /** Anything stable for the dream (its id or text): the offline art is a pure function of it. */
  seed: string;
}

export interface ImageResult {
  data: Buffer;
  mime: string;
  provider: 'openai' | 'replicate' | 'offline';
  /** True for generated abstract art: callers caption it "offline art". */
  offline: boolean;
}

export interface ImageAi {
  generate(input: ImageInput): Promise<ImageResult>;
}

export type VideoStatus = 'pending' | 'processing' | 'completed' | 'failed';

export interface VideoPoll {
  status: VideoStatus;
  /** 0..100 */
  progress: number;
  url?: string;
  error?: string;
}

export interface VideoAi {
  readonly available: boolean;
  readonly provider: 'replicate' | 'offline';
  start(input: { prompt: string }): Promise<{ id: string }>;
  poll(id: string): Promise<VideoPoll>;
}

export interface TranscribeAi {
  readonly available: boolean;
  transcribe(input: { audio: Buffer; filename: string; language?: string }): Promise<string>;
}

export interface Ai {
  text: TextAi;
  image: ImageAi;
  video: VideoAi;
  transcribe: TranscribeAi;
}

export type AiCapability = 'text' | 'image' | 'video' | 'transcribe';

/** Thrown when a capability has no provider configured (offline video, offline transcription). */
export class AiUnavailableError extends Error {
  readonly capability: AiCapability;
  constructor(capability: AiCapability, message = `AI capability "${capability}" is not available offline`) {
    super(message);
    this.name = 'AiUnavailableError';
    this.capability = capability;
  }
}

/** A remote provider answered with an error or could not be reached. */
export class AiProviderError extends Error {
  readonly provider: 'openai' | 'replicate';
  readonly status?: number;
  constructor(
    provider: 'openai' | 'replicate',
    message: string,
    options?: { status?: number; cause?: unknown },
  ) {
    super(message, { cause: options?.cause });
    this.name = 'AiProviderError';
    this.provider = provider;
    this.status = options?.status;
  }
}
