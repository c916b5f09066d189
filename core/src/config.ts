import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads the environment. Every other module receives a `Config`.
 * A bad value stops the process with a message naming the variable (see `loadConfig`).
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

const idList = z
  .string()
  .default('')
  .transform((s, ctx) => {
    const ids = s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    for (const id of ids) {
      if (!/^\d+$/.test(id)) {
        ctx.addIssue({ code: 'custom', message: `"${id}" is not a numeric Telegram id` });
        return z.NEVER;
      }
    }
    return ids.map(Number);
  });

/** proxy-addr's names for address ranges, accepted in TRUST_PROXY like addresses. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const isProxyAddress = (a: string) => {
  if (PROXY_RANGES.has(a)) return true;
  const [ip = '', bits, ...rest] = a.split('/');
  const version = isIP(ip);
  if (!version || rest.length) return false;
  return bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128));
};

/**
 * Which proxies may set X-Forwarded-For, in the forms Fastify's `trustProxy` takes: off, every
 * proxy (`true`), or a list of addresses and CIDR ranges. A hop count is refused: Fastify 5 trusts
 * nothing for one, since a count cannot tell a proxy from a client that sends enough hops itself.
 */
const trustProxy = z
  .string()
  .default('false')
  .transform((s, ctx): boolean | string[] => {
    const v = s.trim();
    if (v === '' || v === 'false') return false;
    if (v === 'true') return true;
    if (/^\d+$/.test(v)) {
      ctx.addIssue({
        code: 'custom',
        message: 'a hop count cannot tell a proxy from a client; give the proxy addresses (e.g. 10.0.0.0/8)',
      });
      return z.NEVER;
    }
    const list = v
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean);
    const bad = list.find((a) => !isProxyAddress(a));
    if (bad !== undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `"${bad}" is not true, false or an IP address/CIDR range`,
      });
      return z.NEVER;
    }
    return list;
  });

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    BOT_TOKEN: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^\d+:[A-Za-z0-9_-]{20,}$/, 'must look like 123456:ABC-DEF… (from @BotFather)')
        .optional(),
    ),
    TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
    BOT_MODE: z.enum(['polling', 'webhook']).default('polling'),
    PUBLIC_URL: optionalUrl,
    WEBHOOK_SECRET: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^[A-Za-z0-9_-]{1,256}$/, 'only A-Z, a-z, 0-9, _ and - are allowed (Telegram rule)')
        .optional(),
    ),
    ADMIN_IDS: idList,
    BOT_SESSION_TTL_SECONDS: int(30 * 86_400, 60),
    HOST: z.string().default('127.0.0.1'),
    PORT: int(8080, 0).refine((p) => p <= 65535, 'must be a port number'),
    DATABASE_URL: optionalUrl,
    REDIS_URL: optionalUrl,
    DATA_DIR: z.string().default('./.data'),
    JWT_SECRET: z.preprocess(
      emptyToUndefined,
      z.string().min(32, 'must be at least 32 characters').optional(),
    ),
    AI_PROVIDER: z.enum(['auto', 'openai', 'offline']).default('auto'),
    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalUrl,
    AI_TEXT_MODEL: z.string().default('gpt-4o-mini'),
    AI_IMAGE_MODEL: z.string().default('gpt-image-1'),
    AI_TRANSCRIBE_MODEL: z.string().default('whisper-1'),
    AI_TIMEOUT_MS: int(60_000, 100),
    REPLICATE_API_TOKEN: optionalString,
    REPLICATE_BASE_URL: optionalUrl,
    REPLICATE_VIDEO_MODEL: z.string().default('minimax/video-01'),
    REPLICATE_IMAGE_MODEL: optionalString,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    STARTING_TOKENS: int(20),
    DREAM_TTL_SECONDS: int(86_400, 1),
    MOMENT_TTL_SECONDS: int(60, 1),
    MAX_DREAMS_PER_DAY: int(10, 1),
    MAX_MOMENTS_PER_HOUR: int(20, 1),
    DREAM_MIN_CHARS: int(10, 1),
    DREAM_MAX_CHARS: int(2000, 1),
    QUOTA_FREE_TEXT: int(5),
    QUOTA_FREE_IMAGE: int(1),
    QUOTA_PRO_TEXT: int(100),
    QUOTA_PRO_IMAGE: int(20),
    RESONANCE_THRESHOLD: int(20),
    REFERRAL_BONUS_INVITER: int(10),
    REFERRAL_BONUS_INVITEE: int(5),
    PASS_DURATIONS_HOURS: z
      .string()
      .default('1,12,24,168,720')
      .transform((s, ctx) => {
        const hours = s.split(',').map((x) => Number(x.trim()));
        if (hours.some((h) => !Number.isInteger(h) || h <= 0)) {
          ctx.addIssue({ code: 'custom', message: 'must be a comma-separated list of whole hours' });
          return z.NEVER;
        }
        return hours;
      }),
    PRICE_ANALYSIS: int(1),
    PRICE_IMAGE: int(2),
    PRICE_VIDEO: int(10),
    PRICE_STORY: int(2),
    PRICE_LORA: int(50),
    PRICE_PHOTO: int(3),
    // A lens reading costs what an analysis does: one short text from the same provider.
    PRICE_READING: int(1),
    // Token packs sold for Stars, as `tokens:stars` pairs.
    TOKEN_PACKS: z
      .string()
      .default('50:50,150:135,500:400')
      .transform((s, ctx) => {
        const packs = s.split(',').map((pair) => pair.trim().split(':').map(Number));
        if (packs.some((p) => p.length !== 2 || p.some((n) => !Number.isInteger(n) || n <= 0))) {
          ctx.addIssue({
            code: 'custom',
            message: 'must be a comma-separated list of tokens:stars pairs, e.g. 50:50',
          });
          return z.NEVER;
        }
        return packs.map(([tokens, stars]) => ({ tokens: tokens as number, stars: stars as number }));
      }),
    // Stars for each pass, in the order of PASS_DURATIONS_HOURS; unset → a built-in table.
    PASS_PRICES_STARS: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .transform((s, ctx) => {
          const stars = s.split(',').map((x) => Number(x.trim()));
          if (stars.some((n) => !Number.isInteger(n) || n <= 0)) {
            ctx.addIssue({
              code: 'custom',
              message: 'must be a comma-separated list of whole Stars amounts',
            });
            return z.NEVER;
          }
          return stars;
        })
        .optional(),
    ),
    MAX_IMAGE_UPLOAD_MB: int(10, 1),
    MAX_VIDEO_UPLOAD_MB: int(50, 1),
    RATE_LIMIT_PER_MINUTE: int(300, 1),
    TRUST_PROXY: trustProxy,
    DEMO_MODE: z.preprocess(emptyToUndefined, bool.optional()),
  })
  .superRefine((env, ctx) => {
    if (env.BOT_MODE === 'webhook' && env.BOT_TOKEN) {
      if (!env.WEBHOOK_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['WEBHOOK_SECRET'],
          message: 'is required when BOT_MODE=webhook',
        });
      }
      if (!env.PUBLIC_URL) {
        ctx.addIssue({ code: 'custom', path: ['PUBLIC_URL'], message: 'is required when BOT_MODE=webhook' });
      }
    }
    if (env.AI_PROVIDER === 'openai' && !env.OPENAI_API_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['OPENAI_API_KEY'],
        message: 'is required when AI_PROVIDER=openai',
      });
    }
    if (env.PASS_PRICES_STARS && env.PASS_PRICES_STARS.length !== env.PASS_DURATIONS_HOURS.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['PASS_PRICES_STARS'],
        message: 'must give one price per PASS_DURATIONS_HOURS entry',
      });
    }
    if (env.DREAM_MIN_CHARS > env.DREAM_MAX_CHARS) {
      ctx.addIssue({ code: 'custom', path: ['DREAM_MIN_CHARS'], message: 'must not exceed DREAM_MAX_CHARS' });
    }
  });

export type Env = z.infer<typeof envSchema>;

export interface Config {
  env: Env['NODE_ENV'];
  bot: {
    token?: string;
    apiRoot: string;
    mode: Env['BOT_MODE'];
    webhookSecret?: string;
    adminIds: number[];
    /** How long a chat's session and conversation state stay in Redis after their last write. */
    sessionTtlSeconds: number;
  };
  http: {
    host: string;
    port: number;
    publicUrl: string;
    rateLimitPerMinute: number;
    /** Fastify's `trustProxy`: whose X-Forwarded-For names the client (and so the rate-limit key). */
    trustProxy: boolean | string[];
  };
  /**
   * True when the local demo sign-in exists: never with a bot token, and otherwise only when
   * DEMO_MODE=true or NODE_ENV=development (so a production server without a token has none).
   */
  demoMode: boolean;
  databaseUrl?: string;
  redisUrl?: string;
  dataDir: string;
  jwtSecret?: string;
  ai: {
    provider: 'openai' | 'offline';
    openaiApiKey?: string;
    openaiBaseUrl?: string;
    textModel: string;
    imageModel: string;
    transcribeModel: string;
    timeoutMs: number;
    replicateApiToken?: string;
    replicateBaseUrl?: string;
    replicateVideoModel: string;
    replicateImageModel?: string;
  };
  logLevel: Env['LOG_LEVEL'];
  limits: {
    startingTokens: number;
    dreamTtlSeconds: number;
    momentTtlSeconds: number;
    maxDreamsPerDay: number;
    maxMomentsPerHour: number;
    dreamMinChars: number;
    dreamMaxChars: number;
    quotas: { free: { text: number; image: number }; pro: { text: number; image: number } };
    resonanceThreshold: number;
    referralBonus: { inviter: number; invitee: number };
    passDurationsHours: number[];
    maxImageUploadBytes: number;
    maxVideoUploadBytes: number;
  };
  /** Tokens each AI action costs. */
  prices: {
    analysis: number;
    image: number;
    video: number;
    story: number;
    lora_training: number;
    photo: number;
    /** One lens reading of a dream (jung, cognitive, folk). */
    reading: number;
  };
  /** What Telegram Stars buy: token packs and pro passes. */
  offers: { tokenPacks: { tokens: number; stars: number }[]; passes: { hours: number; stars: number }[] };
}

// Stars for the default pass durations; other durations get a price on the same curve.
const DEFAULT_PASS_STARS: Record<number, number> = { 1: 5, 12: 25, 24: 40, 168: 150, 720: 500 };
const passStars = (hours: number) => DEFAULT_PASS_STARS[hours] ?? Math.max(1, Math.round(5 * hours ** 0.7));

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Validates the environment once and shapes it into a typed `Config`; throws `ConfigError` naming each bad variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || '(environment)'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const port = e.PORT;
  return {
    env: e.NODE_ENV,
    bot: {
      token: e.BOT_TOKEN,
      apiRoot: e.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
      mode: e.BOT_MODE,
      webhookSecret: e.WEBHOOK_SECRET,
      adminIds: e.ADMIN_IDS,
      sessionTtlSeconds: e.BOT_SESSION_TTL_SECONDS,
    },
    http: {
      host: e.HOST,
      port,
      publicUrl: (e.PUBLIC_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
      rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
      trustProxy: e.TRUST_PROXY,
    },
    demoMode: e.BOT_TOKEN ? false : (e.DEMO_MODE ?? e.NODE_ENV === 'development'),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    dataDir: path.resolve(e.DATA_DIR),
    jwtSecret: e.JWT_SECRET,
    ai: {
      provider: e.AI_PROVIDER === 'auto' ? (e.OPENAI_API_KEY ? 'openai' : 'offline') : e.AI_PROVIDER,
      openaiApiKey: e.OPENAI_API_KEY,
      openaiBaseUrl: e.OPENAI_BASE_URL,
      textModel: e.AI_TEXT_MODEL,
      imageModel: e.AI_IMAGE_MODEL,
      transcribeModel: e.AI_TRANSCRIBE_MODEL,
      timeoutMs: e.AI_TIMEOUT_MS,
      replicateApiToken: e.REPLICATE_API_TOKEN,
      replicateBaseUrl: e.REPLICATE_BASE_URL,
      replicateVideoModel: e.REPLICATE_VIDEO_MODEL,
      replicateImageModel: e.REPLICATE_IMAGE_MODEL,
    },
    logLevel: e.LOG_LEVEL,
    limits: {
      startingTokens: e.STARTING_TOKENS,
      dreamTtlSeconds: e.DREAM_TTL_SECONDS,
      momentTtlSeconds: e.MOMENT_TTL_SECONDS,
      maxDreamsPerDay: e.MAX_DREAMS_PER_DAY,
      maxMomentsPerHour: e.MAX_MOMENTS_PER_HOUR,
      dreamMinChars: e.DREAM_MIN_CHARS,
      dreamMaxChars: e.DREAM_MAX_CHARS,
      quotas: {
        free: { text: e.QUOTA_FREE_TEXT, image: e.QUOTA_FREE_IMAGE },
        pro: { text: e.QUOTA_PRO_TEXT, image: e.QUOTA_PRO_IMAGE },
      },
      resonanceThreshold: e.RESONANCE_THRESHOLD,
      referralBonus: { inviter: e.REFERRAL_BONUS_INVITER, invitee: e.REFERRAL_BONUS_INVITEE },
      passDurationsHours: e.PASS_DURATIONS_HOURS,
      maxImageUploadBytes: e.MAX_IMAGE_UPLOAD_MB * 1024 * 1024,
      maxVideoUploadBytes: e.MAX_VIDEO_UPLOAD_MB * 1024 * 1024,
    },
    prices: {
      analysis: e.PRICE_ANALYSIS,
      image: e.PRICE_IMAGE,
      video: e.PRICE_VIDEO,
      story: e.PRICE_STORY,
      lora_training: e.PRICE_LORA,
      photo: e.PRICE_PHOTO,
      reading: e.PRICE_READING,
    },
    offers: {
      tokenPacks: e.TOKEN_PACKS,
      passes: e.PASS_DURATIONS_HOURS.map((hours, i) => ({
        hours,
        stars: e.PASS_PRICES_STARS?.[i] ?? passStars(hours),
      })),
    },
  };
}
