import type OpenAI from 'openai';
import type { toFile } from 'openai';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { sniffImageMime } from '../platform/sniff.ts';
import { downloadBytes, sleep } from './media.ts';
import { analyzeDreamOffline, OFFLINE_TEXT_MODEL } from './offline/analyser.ts';
import { CATEGORY_TEMPLATES, VIDEO_PROMPT_RULES } from './templates.ts';
import {
  type AiLanguage,
  AiProviderError,
  type AnalysisResult,
  DREAM_CATEGORIES,
  type DreamAnalysis,
  dreamAnalysisSchema,
  dreamReadingSchema,
  type ImageAi,
  type ImageInput,
  type ImageResult,
  type ReadingInput,
  type ReadingResult,
  type TextAi,
  type TokenUsage,
  type TranscribeAi,
} from './types.ts';

/** The SDK's parts we use, with the one client of the process. */
export interface OpenAiSdk {
  client: OpenAI;
  APIError: typeof OpenAI.APIError;
  toFile: typeof toFile;
}

/** Resolves the SDK and the client, loading them on the first call. */
export type OpenAiClient = () => Promise<OpenAiSdk>;

/**
 * One client per process: retries are ours (they must also cover invalid JSON), so the SDK's are off.
 * The SDK is imported on first use: loaded, it holds about 11 MB in a process that may never call it.
 */
export function createOpenAiClient(config: Config['ai']): OpenAiClient {
  let loading: Promise<OpenAiSdk> | undefined;
  return () => {
    loading ??= import('openai').then(({ default: OpenAI, toFile }) => ({
      client: new OpenAI({
        apiKey: config.openaiApiKey,
        baseURL: config.openaiBaseUrl,
        timeout: config.timeoutMs,
        maxRetries: 0,
      }),
      APIError: OpenAI.APIError,
      toFile,
    }));
    return loading;
  };
}

/** USD per million tokens (input, output), longest matching prefix wins; unknown models cost as gpt-4o-mini. */
const PRICES_PER_MILLION: [prefix: string, input: number, output: number][] = [
  ['gpt-4o-mini', 0.15, 0.6],
  ['gpt-4o', 2.5, 10],
  ['gpt-4.1-nano', 0.1, 0.4],
  ['gpt-4.1-mini', 0.4, 1.6],
  ['gpt-4.1', 2, 8],
  ['gpt-5-nano', 0.05, 0.4],
  ['gpt-5-mini', 0.25, 2],
  ['gpt-5', 1.25, 10],
  ['o4-mini', 1.1, 4.4],
  ['o3-mini', 1.1, 4.4],
];

/** An estimate from public list prices; good enough for the admin's cost figures, not for billing. */
export function estimateCostUsd(model: string, usage: TokenUsage): number {
  const match = PRICES_PER_MILLION.filter(([prefix]) => model.startsWith(prefix)).sort(
    (a, b) => b[0].length - a[0].length,
  )[0];
  const [, input, output] = match ?? PRICES_PER_MILLION[0]!;
  const cost = (usage.promptTokens * input + usage.completionTokens * output) / 1_000_000;
  return Math.round(cost * 1e8) / 1e8;
}

/**
 * Keywords OpenAI's strict structured outputs accept (platform.openai.com/docs/guides/structured-outputs,
 * "Supported properties"); others, such as a string's minLength, make it refuse the schema. The
 * answer is checked against the full zod schema anyway.
 */
const STRICT_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'anyOf',
  'description',
  'pattern',
  'format',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'multipleOf',
  'minItems',
  'maxItems',
]);

type JsonSchema = { [key: string]: unknown };

function keepStrictKeywords(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(keepStrictKeywords);
  if (!node || typeof node !== 'object') return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties') {
      out[key] = Object.fromEntries(
        Object.entries(value as JsonSchema).map(([name, schema]) => [name, keepStrictKeywords(schema)]),
      );
    } else if (STRICT_KEYWORDS.has(key)) out[key] = keepStrictKeywords(value);
  }
  return out;
}

/**
 * The answer shape for structured outputs, derived from {@link dreamAnalysisSchema}: zod's output
 * form lists every property as required with no extras, which is what strict mode wants.
 */
export const DREAM_ANALYSIS_JSON_SCHEMA = keepStrictKeywords(
  z.toJSONSchema(dreamAnalysisSchema, { io: 'output' }),
) as JsonSchema;

/** The answer shape of a lens reading, derived from {@link dreamReadingSchema} as the analysis's is. */
export const DREAM_READING_JSON_SCHEMA = keepStrictKeywords(
  z.toJSONSchema(dreamReadingSchema, { io: 'output' }),
) as JsonSchema;

const LENS_BRIEFS: Record<ReadingInput['lens'], string> = {
  jung: 'Jungian: archetypes (Shadow, Anima/Animus, Persona, Self, Mother, Trickster), the unconscious, individuation.',
  cognitive:
    'Cognitive: day residue (what from recent waking life the images recombine), the emotions the dream processes, memory consolidation.',
  folk: 'Folk symbolism: what popular dream books and folk belief say about the symbols. Say plainly that this is folklore, not science.',
};

/** The system prompt of a lens reading: perspectives offered, the final say left to the dreamer. */
export function buildReadingSystemPrompt(input: ReadingInput): string {
  const outputLanguage = input.language === 'ru' ? 'Russian' : 'English';
  const recurring = input.recurring.length
    ? `Recurring symbols in the dreamer's journal over the last 30 days: ${input.recurring.map((r) => `${r.symbol} (${r.count} dreams)`).join(', ')}. Mention the recurrence.`
    : 'No symbol recurs in the journal this month.';
  const marks = [
    input.favouredLenses.length
      ? `The dreamer found these lenses fitting before: ${input.favouredLenses.join(', ')}; lean on what they share.`
      : '',
    input.rejectedLenses.length
      ? `The dreamer found these lenses not fitting: ${input.rejectedLenses.join(', ')}; stay tentative.`
      : '',
  ]
    .filter(Boolean)
    .join(' ');
  return `You write one short reading of a night dream for a dream journal, through one lens: ${LENS_BRIEFS[input.lens]}
Write 3-5 sentences in ${outputLanguage}. Name the dream's symbols (${input.symbols.join(', ') || 'from the text'}) and emotions (${input.emotions.join(', ') || 'from the text'}) and say what this lens sees in them. Offer a perspective, never a verdict: the dreamer has the final say. ${recurring} ${marks}
If you write in Russian, you are Мечта and speak of yourself in the feminine. Never include personal names from the dream.
Answer with one JSON object: {"text": "..."}.`;
}

/** The system prompt: the roadmap's prompt system with our categories, templates and output fields. */
export function buildDreamSystemPrompt(language: AiLanguage): string {
  const templates = DREAM_CATEGORIES.map((c) => `- ${c}: ${CATEGORY_TEMPLATES[c]}`).join('\n');
  const rules = VIDEO_PROMPT_RULES.map((r, i) => `${i + 1}. ${r}`).join('\n');
  const outputLanguage = language === 'ru' ? 'Russian' : 'English';
  return `You analyse night dreams for a dream journal and turn them into prompts for dreamlike images and 5-second videos.

Identify the dream's category, pick the matching template, and fill it with the dream's own key visual elements.

CATEGORIES AND TEMPLATES:
${templates}

VIDEO PROMPT RULES:
${rules}

FIELDS:
- title, themes, emotions, symbols, narrative and tags are written in ${outputLanguage}.
- visual_prompt and video_prompt are always in English.
- visual_prompt: one paragraph describing an ethereal, dreamlike image of the dream's central scene, with palette and light.
- confidence: 0..1, how clearly the dream belongs to the chosen category; use "other" when none fits.
- Never include personal names or other identifying details from the dream in any field: say "the dreamer" or "a figure".

Answer with one JSON object with exactly these keys: title, themes (array), emotions (array), symbols (array), narrative, tags (array), category, confidence (number), visual_prompt, video_prompt.`;
}

const dedupe = (items: string[]) => [...new Set(items.map((s) => s.trim()).filter(Boolean))];

function tidy(analysis: DreamAnalysis): DreamAnalysis {
  return {
    ...analysis,
    themes: dedupe(analysis.themes),
    emotions: dedupe(analysis.emotions.map((e) => e.toLocaleLowerCase())),
    symbols: dedupe(analysis.symbols),
    tags: dedupe(analysis.tags.map((t) => t.toLocaleLowerCase().replace(/^#/, ''))),
    confidence: Math.round(analysis.confidence * 100) / 100,
  };
}

export interface OpenAiTextOptions {
  client: OpenAiClient;
  model: string;
  timeoutMs: number;
  logger: Logger;
  /** Requests before falling back to the offline analyser. */
  maxAttempts?: number;
  /** Pause before the n-th retry is n times this. */
  retryDelayMs?: number;
}

/** Dream analysis through an OpenAI-compatible chat API; after `maxAttempts` failures the offline analyser answers. */
export class OpenAiTextAi implements TextAi {
  private readonly maxAttempts: number;
  private readonly retryDelayMs: number;

  constructor(private readonly options: OpenAiTextOptions) {
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 2);
    this.retryDelayMs = options.retryDelayMs ?? 500;
  }

  readDream(input: ReadingInput): Promise<ReadingResult> {
    return readDreamWithOpenAi(this.options, input);
  }

  async analyzeDream(input: { text: string; language: AiLanguage }): Promise<AnalysisResult> {
    const { model, timeoutMs, logger } = this.options;
    const started = performance.now();
    const { client, APIError } = await this.options.client();
    const usage: TokenUsage = { promptTokens: 0, completionTokens: 0 };
    let attempts = 0;
    // Some OpenAI-compatible servers reject json_schema; after a 400 we ask for plain JSON mode instead.
    let responseFormat: OpenAI.Chat.ChatCompletionCreateParams['response_format'] = {
      type: 'json_schema',
      json_schema: { name: 'dream_analysis', strict: true, schema: DREAM_ANALYSIS_JSON_SCHEMA },
    };
    while (attempts < this.maxAttempts) {
      if (attempts > 0) await sleep(this.retryDelayMs * attempts);
      attempts++;
      try {
        const completion = await client.chat.completions.create(
          {
            model,
            messages: [
              { role: 'system', content: buildDreamSystemPrompt(input.language) },
              { role: 'user', content: input.text },
            ],
            response_format: responseFormat,
          },
          { timeout: timeoutMs, maxRetries: 0 },
        );
        usage.promptTokens += completion.usage?.prompt_tokens ?? 0;
        usage.completionTokens += completion.usage?.completion_tokens ?? 0;
        const message = completion.choices[0]?.message;
        if (!message?.content) {
          logger.warn({ attempt: attempts, refusal: message?.refusal }, 'dream analysis: empty answer');
          continue;
        }
        let json: unknown;
        try {
          json = JSON.parse(message.content);
        } catch {
          logger.warn({ attempt: attempts }, 'dream analysis: answer is not JSON');
          continue;
        }
        const parsed = dreamAnalysisSchema.safeParse(json);
        if (!parsed.success) {
          logger.warn(
            { attempt: attempts, issues: parsed.error.issues.slice(0, 5) },
            'dream analysis: answer fails the schema',
          );
          continue;
        }
        return {
          analysis: tidy(parsed.data),
          provider: 'openai',
          model: completion.model || model,
          usage,
          costUsd: estimateCostUsd(model, usage),
          durationMs: Math.round(performance.now() - started),
          fellBack: false,
          attempts,
        };
      } catch (err) {
        const status = err instanceof APIError ? err.status : undefined;
        if (status === 400) responseFormat = { type: 'json_object' };
        logger.warn({ attempt: attempts, status, err: String(err) }, 'dream analysis: request failed');
      }
    }
    logger.warn({ attempts }, 'dream analysis: falling back to the offline analyser');
    return {
      analysis: analyzeDreamOffline(input.text, input.language),
      provider: 'offline',
      model: OFFLINE_TEXT_MODEL,
      usage,
      costUsd: estimateCostUsd(model, usage),
      durationMs: Math.round(performance.now() - started),
      fellBack: true,
      attempts,
    };
  }
}

/** One remote attempt at a lens reading; rejects on any failure so the caller reads offline instead. */
export async function readDreamWithOpenAi(
  options: Pick<OpenAiTextOptions, 'client' | 'model' | 'timeoutMs'>,
  input: ReadingInput,
): Promise<ReadingResult> {
  const { client } = await options.client();
  const completion = await client.chat.completions.create(
    {
      model: options.model,
      messages: [
        { role: 'system', content: buildReadingSystemPrompt(input) },
        { role: 'user', content: input.dreamText },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: 'dream_reading', strict: true, schema: DREAM_READING_JSON_SCHEMA },
      },
    },
    { timeout: options.timeoutMs, maxRetries: 0 },
  );
  const content = completion.choices[0]?.message?.content;
  if (!content) throw new AiProviderError('openai', 'reading: empty answer');
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch (err) {
    throw new AiProviderError('openai', 'reading: answer is not JSON', { cause: err });
  }
  const parsed = dreamReadingSchema.safeParse(json);
  if (!parsed.success) throw new AiProviderError('openai', 'reading: answer fails the schema');
  return {
    text: parsed.data.text,
    usage: {
      promptTokens: completion.usage?.prompt_tokens ?? 0,
      completionTokens: completion.usage?.completion_tokens ?? 0,
    },
  };
}

const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** Images through the OpenAI images endpoint (gpt-image-* answer in base64, dall-e-* when asked to). */
export class OpenAiImageAi implements ImageAi {
  constructor(private readonly options: { client: OpenAiClient; model: string; timeoutMs: number }) {}

  async generate(input: ImageInput): Promise<ImageResult> {
    const { model, timeoutMs } = this.options;
    const { client, APIError } = await this.options.client();
    let response: OpenAI.Images.ImagesResponse;
    try {
      response = await client.images.generate(
        {
          model,
          prompt: input.prompt,
          n: 1,
          size: '1024x1024',
          ...(model.startsWith('dall-e') ? { response_format: 'b64_json' as const } : {}),
        },
        { timeout: timeoutMs, maxRetries: 1 },
      );
    } catch (err) {
      throw new AiProviderError('openai', `Image generation failed: ${String(err)}`, {
        status: err instanceof APIError ? err.status : undefined,
        cause: err,
      });
    }
    const item = response.data?.[0];
    let data: Buffer;
    if (item?.b64_json) data = Buffer.from(item.b64_json, 'base64');
    else if (item?.url) data = await downloadBytes(item.url, { timeoutMs, maxBytes: MAX_IMAGE_BYTES });
    else throw new AiProviderError('openai', 'Image generation returned no image');
    const mime = await sniffImageMime(data);
    if (!mime.startsWith('image/'))
      throw new AiProviderError('openai', 'Image generation returned something that is not an image');
    return { data, mime, provider: 'openai', offline: false };
  }
}

/** Speech to text through the OpenAI transcription endpoint (whisper-1 or a compatible server). */
export class OpenAiTranscribeAi implements TranscribeAi {
  readonly available = true;

  constructor(private readonly options: { client: OpenAiClient; model: string; timeoutMs: number }) {}

  async transcribe(input: { audio: Buffer; filename: string; language?: string }): Promise<string> {
    const { model, timeoutMs } = this.options;
    const { client, APIError, toFile } = await this.options.client();
    try {
      const result = await client.audio.transcriptions.create(
        {
          file: await toFile(input.audio, input.filename),
          model,
          ...(input.language ? { language: input.language } : {}),
        },
        { timeout: timeoutMs, maxRetries: 1 },
      );
      return result.text.trim();
    } catch (err) {
      throw new AiProviderError('openai', `Transcription failed: ${String(err)}`, {
        status: err instanceof APIError ? err.status : undefined,
        cause: err,
      });
    }
  }
}
