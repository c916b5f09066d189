import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for an OpenAI-compatible API (chat completions, image generations, audio
 * transcriptions). Each endpoint answers from a queue of scripted behaviours, then from its default;
 * every request is recorded so tests can check what was sent.
 */

export type FakeOpenAiEndpoint = 'chat' | 'images' | 'transcriptions';

export type FakeOpenAiBehaviour =
  /** A chat completion whose message content is `content` verbatim (valid JSON or not). */
  | { kind: 'chat'; content: string; usage?: { promptTokens: number; completionTokens: number } }
  /** An image generation answered in base64. */
  | { kind: 'image'; data: Buffer }
  | { kind: 'transcript'; text: string }
  /** An HTTP error with an OpenAI-style error body. */
  | { kind: 'error'; status: number; message?: string }
  /** Accepts the request and never answers, until the server is closed. */
  | { kind: 'hang' };

export interface FakeOpenAiRequest {
  endpoint: FakeOpenAiEndpoint;
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  /** Parsed JSON body (chat, images). */
  json?: Record<string, unknown>;
  /** Multipart fields (transcriptions); files are described by name, type and size. */
  form?: Record<string, string | { filename: string; type: string; size: number }>;
}

/**
 * A seeded share of requests that fail: an HTTP 500, or no answer at all (the client's timeout ends
 * it). Scripted behaviours (`enqueue`) are served first and never fail.
 */
export interface FakeOpenAiFaults {
  /** Share of requests that fail, 0..1. */
  rate: number;
  /** Of the failures, the share that hang instead of answering 500 (default 0.5). */
  hangShare?: number;
  seed: number;
  /** Which endpoints fail (default: all). */
  endpoints?: FakeOpenAiEndpoint[];
}

/** mulberry32: a tiny seeded PRNG, so a faulty run is the same run every time. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FakeOpenAi {
  /** Base URL to use as OPENAI_BASE_URL (ends in /v1). */
  url: string;
  requests: FakeOpenAiRequest[];
  enqueue(endpoint: FakeOpenAiEndpoint, ...behaviours: FakeOpenAiBehaviour[]): void;
  setDefault(endpoint: FakeOpenAiEndpoint, behaviour: FakeOpenAiBehaviour): void;
  /** Makes a seeded share of the following requests fail (500 or hang); `undefined` ends it. */
  setFaults(faults: FakeOpenAiFaults | undefined): void;
  /** How many requests each fault kind has answered so far. */
  faultCounts: { error: number; hang: number };
  close(): Promise<void>;
}

/** A dream analysis that passes the app's schema, used as the default chat answer. */
export const SAMPLE_DREAM_ANALYSIS = {
  title: 'Flight Over the Night City',
  themes: ['freedom', 'city'],
  emotions: ['joy', 'freedom'],
  symbols: ['city', 'clouds', 'lights'],
  narrative: 'The dreamer rises above a sleeping city and drifts toward the clouds without fear.',
  tags: ['flight', 'city', 'night'],
  category: 'flight',
  confidence: 0.9,
  visual_prompt:
    'Ethereal dreamlike painting of a glittering night city seen from far above, soft clouds, deep blue and gold light.',
  video_prompt:
    'POV gentle rise through the night sky above a glittering city, clouds drifting past, weightless perspective shifts, impossible angles, dreamlike momentum. The dreamer ends in a rush of freedom.',
};

/** A lens reading that passes the app's readings schema, the default answer to a `dream_reading` request. */
export const SAMPLE_DREAM_READING = {
  text: 'Through this lens the city is the collective stage of your life, and the clouds the freedom you reach for. The joy of the flight suggests a part of you ready to rise above a daily role. Take it as one perspective; you have the final say.',
};

/** A valid 1×1 PNG. */
export const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

const ENDPOINTS: Record<string, FakeOpenAiEndpoint> = {
  '/v1/chat/completions': 'chat',
  '/v1/images/generations': 'images',
  '/v1/audio/transcriptions': 'transcriptions',
};

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function parseMultipart(req: http.IncomingMessage, body: Buffer): Promise<FakeOpenAiRequest['form']> {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  const form = await new Request('http://fake.local/', { method: 'POST', headers, body }).formData();
  const out: NonNullable<FakeOpenAiRequest['form']> = {};
  for (const [key, value] of form.entries()) {
    out[key] =
      typeof value === 'string' ? value : { filename: value.name, type: value.type, size: value.size };
  }
  return out;
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
  res.end(data);
}

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeOpenAi(): Promise<FakeOpenAi> {
  const requests: FakeOpenAiRequest[] = [];
  const queues: Record<FakeOpenAiEndpoint, FakeOpenAiBehaviour[]> = {
    chat: [],
    images: [],
    transcriptions: [],
  };
  const defaults: Record<FakeOpenAiEndpoint, FakeOpenAiBehaviour> = {
    chat: { kind: 'chat', content: JSON.stringify(SAMPLE_DREAM_ANALYSIS) },
    images: { kind: 'image', data: TINY_PNG },
    transcriptions: { kind: 'transcript', text: 'I was flying over the city at night.' },
  };
  let completionCount = 0;
  let faults: (FakeOpenAiFaults & { random: () => number }) | undefined;
  const faultCounts = { error: 0, hang: 0 };
  /** The fault this request gets, if any: two draws per request keep the sequence seeded. */
  const drawFault = (endpoint: FakeOpenAiEndpoint): FakeOpenAiBehaviour | undefined => {
    if (!faults || (faults.endpoints && !faults.endpoints.includes(endpoint))) return undefined;
    const [fail, kind] = [faults.random(), faults.random()];
    if (fail >= faults.rate) return undefined;
    if (kind < (faults.hangShare ?? 0.5)) {
      faultCounts.hang++;
      return { kind: 'hang' };
    }
    faultCounts.error++;
    return { kind: 'error', status: 500, message: 'Seeded fault' };
  };

  /** A reading request (structured output named `dream_reading`) gets a reading, not an analysis. */
  const readingDefault = (record: FakeOpenAiRequest): FakeOpenAiBehaviour | undefined => {
    const format = record.json?.response_format as { json_schema?: { name?: string } } | undefined;
    if (record.endpoint !== 'chat' || format?.json_schema?.name !== 'dream_reading') return undefined;
    return { kind: 'chat', content: JSON.stringify(SAMPLE_DREAM_READING) };
  };

  const server = http.createServer(async (req, res) => {
    try {
      const path = new URL(req.url ?? '/', 'http://fake.local').pathname;
      const endpoint = ENDPOINTS[path];
      const body = await readBody(req);
      if (!endpoint || req.method !== 'POST') {
        sendJson(res, 404, {
          error: { message: `No route ${req.method} ${path}`, type: 'invalid_request_error' },
        });
        return;
      }
      const record: FakeOpenAiRequest = { endpoint, method: req.method, path, headers: req.headers };
      if (endpoint === 'transcriptions') record.form = await parseMultipart(req, body);
      else record.json = body.length ? JSON.parse(body.toString('utf8')) : undefined;
      requests.push(record);

      if (req.headers.authorization === undefined) {
        sendJson(res, 401, { error: { message: 'Missing API key', type: 'invalid_request_error' } });
        return;
      }
      const behaviour =
        queues[endpoint].shift() ?? drawFault(endpoint) ?? readingDefault(record) ?? defaults[endpoint];
      switch (behaviour.kind) {
        case 'hang':
          return;
        case 'error':
          sendJson(res, behaviour.status, {
            error: {
              message: behaviour.message ?? `Scripted HTTP ${behaviour.status}`,
              type: 'server_error',
            },
          });
          return;
        case 'chat': {
          completionCount++;
          const promptTokens = behaviour.usage?.promptTokens ?? 420;
          const completionTokens = behaviour.usage?.completionTokens ?? 180;
          sendJson(res, 200, {
            id: `chatcmpl-fake-${completionCount}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: record.json?.model ?? 'fake-model',
            choices: [
              {
                index: 0,
                message: { role: 'assistant', content: behaviour.content, refusal: null },
                finish_reason: 'stop',
                logprobs: null,
              },
            ],
            usage: {
              prompt_tokens: promptTokens,
              completion_tokens: completionTokens,
              total_tokens: promptTokens + completionTokens,
            },
          });
          return;
        }
        case 'image':
          sendJson(res, 200, {
            created: Math.floor(Date.now() / 1000),
            data: [{ b64_json: behaviour.data.toString('base64') }],
          });
          return;
        case 'transcript':
          sendJson(res, 200, { text: behaviour.text });
          return;
      }
    } catch (err) {
      sendJson(res, 500, { error: { message: String(err), type: 'fake_server_error' } });
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    enqueue: (endpoint, ...behaviours) => queues[endpoint].push(...behaviours),
    setDefault: (endpoint, behaviour) => {
      defaults[endpoint] = behaviour;
    },
    setFaults: (f) => {
      faults = f ? { ...f, random: seededRandom(f.seed) } : undefined;
    },
    faultCounts,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging requests keep their sockets open; without this, close() would wait for them forever.
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
