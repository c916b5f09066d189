import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for the Replicate HTTP API as the `replicate` package calls it: create a prediction
 * (`POST /v1/models/{owner}/{name}/predictions` or `POST /v1/predictions` with a version), read it
 * (`GET /v1/predictions/{id}`), cancel it, and download its output file (`GET /files/{name}`).
 * Each prediction follows a script; every read moves it one step on.
 */

export type FakePredictionStatus = 'starting' | 'processing' | 'succeeded' | 'failed' | 'canceled';

export interface FakePredictionStep {
  status: FakePredictionStatus;
  /** 0..100, written into the logs as a progress bar, the way real models report it. */
  progress?: number;
  error?: string;
}

export interface FakePredictionScript {
  steps: FakePredictionStep[];
  /** File type of the output; by default mp4 for models with "video" in the name, else png. */
  output?: 'mp4' | 'png';
}

export interface FakeReplicateRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  json?: Record<string, unknown>;
}

export interface FakePrediction {
  id: string;
  model: string;
  version?: string;
  input: Record<string, unknown>;
  script: FakePredictionScript;
  step: number;
  createdAt: string;
}

export interface FakeReplicate {
  /** Base URL to use as REPLICATE_BASE_URL (ends in /v1). */
  url: string;
  origin: string;
  requests: FakeReplicateRequest[];
  predictions: Map<string, FakePrediction>;
  /** The script the next created prediction follows (queued; then the default). */
  scriptNext(script: FakePredictionScript): void;
  /** The next create request fails with this HTTP status. */
  failNextCreate(status: number): void;
  close(): Promise<void>;
}

export const DEFAULT_PREDICTION_SCRIPT: FakePredictionScript = {
  steps: [
    { status: 'starting' },
    { status: 'processing', progress: 0 },
    { status: 'processing', progress: 40 },
    { status: 'processing', progress: 80 },
    { status: 'succeeded' },
  ],
};

/** The first bytes of an ISO-BMFF (mp4) file: enough for type sniffing and for a download test. */
export const FAKE_MP4 = Buffer.concat([
  Buffer.from([0x00, 0x00, 0x00, 0x18]),
  Buffer.from('ftypisom', 'latin1'),
  Buffer.from([0x00, 0x00, 0x02, 0x00]),
  Buffer.from('isommp42', 'latin1'),
  Buffer.from([0x00, 0x00, 0x00, 0x08]),
  Buffer.from('free', 'latin1'),
]);

const FAKE_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

function progressLogs(upTo: FakePredictionStep[]): string {
  return upTo
    .filter((s) => s.progress !== undefined)
    .map((s) => {
      const p = s.progress!;
      const bar = '█'.repeat(Math.round(p / 10)).padEnd(10, ' ');
      return `${p}%|${bar}| ${p}/100 [00:0${Math.min(9, Math.round(p / 12))}<00:05, 10.00it/s]`;
    })
    .join('\n');
}

function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  const data = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) });
  res.end(data);
}

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeReplicate(): Promise<FakeReplicate> {
  const requests: FakeReplicateRequest[] = [];
  const predictions = new Map<string, FakePrediction>();
  const scripts: FakePredictionScript[] = [];
  const createFailures: number[] = [];
  let origin = '';

  const view = (p: FakePrediction) => {
    const steps = p.script.steps;
    const current = steps[Math.min(p.step, steps.length - 1)]!;
    const ext = p.script.output ?? (p.model.includes('video') ? 'mp4' : 'png');
    return {
      id: p.id,
      model: p.model,
      version: p.version ?? 'hidden',
      input: p.input,
      logs: progressLogs(steps.slice(0, p.step + 1)),
      output: current.status === 'succeeded' ? `${origin}/files/${p.id}.${ext}` : null,
      error: current.status === 'failed' ? (current.error ?? 'Prediction failed') : null,
      status: current.status,
      source: 'api',
      data_removed: false,
      created_at: p.createdAt,
      urls: {
        get: `${origin}/v1/predictions/${p.id}`,
        cancel: `${origin}/v1/predictions/${p.id}/cancel`,
      },
    };
  };

  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    const path = new URL(req.url ?? '/', 'http://fake.local').pathname;
    const record: FakeReplicateRequest = { method: req.method ?? 'GET', path, headers: req.headers };
    if (body.length) {
      try {
        record.json = JSON.parse(body.toString('utf8'));
      } catch {
        sendJson(res, 400, { detail: 'Body is not JSON' });
        return;
      }
    }
    requests.push(record);

    const file = /^\/files\/([\w-]+)\.(mp4|png)$/.exec(path);
    if (file && req.method === 'GET') {
      const data = file[2] === 'mp4' ? FAKE_MP4 : FAKE_PNG;
      res.writeHead(200, {
        'content-type': file[2] === 'mp4' ? 'video/mp4' : 'image/png',
        'content-length': data.length,
      });
      res.end(data);
      return;
    }
    if (!req.headers.authorization?.startsWith('Bearer ')) {
      sendJson(res, 401, {
        title: 'Unauthenticated',
        detail: 'You did not pass an authentication token',
        status: 401,
      });
      return;
    }

    const byModel = /^\/v1\/models\/([\w.-]+)\/([\w.-]+)\/predictions$/.exec(path);
    if (req.method === 'POST' && (byModel || path === '/v1/predictions')) {
      const failure = createFailures.shift();
      if (failure) {
        sendJson(res, failure, {
          title: 'Scripted failure',
          detail: `Scripted HTTP ${failure}`,
          status: failure,
        });
        return;
      }
      const prediction: FakePrediction = {
        id: randomUUID().replace(/-/g, '').slice(0, 20),
        model: byModel ? `${byModel[1]}/${byModel[2]}` : 'fake/versioned-model',
        version: byModel ? undefined : (record.json?.version as string | undefined),
        input: (record.json?.input as Record<string, unknown> | undefined) ?? {},
        script: scripts.shift() ?? DEFAULT_PREDICTION_SCRIPT,
        step: 0,
        createdAt: new Date().toISOString(),
      };
      predictions.set(prediction.id, prediction);
      sendJson(res, 201, view(prediction));
      return;
    }

    const one = /^\/v1\/predictions\/(\w+)(\/cancel)?$/.exec(path);
    const prediction = one ? predictions.get(one[1]!) : undefined;
    if (one && !prediction) {
      sendJson(res, 404, { title: 'Not found', detail: 'Prediction not found', status: 404 });
      return;
    }
    if (prediction && req.method === 'GET' && !one![2]) {
      prediction.step = Math.min(prediction.step + 1, prediction.script.steps.length - 1);
      sendJson(res, 200, view(prediction));
      return;
    }
    if (prediction && req.method === 'POST' && one![2]) {
      prediction.script = {
        ...prediction.script,
        steps: [...prediction.script.steps.slice(0, prediction.step + 1), { status: 'canceled' }],
      };
      prediction.step = prediction.script.steps.length - 1;
      sendJson(res, 200, view(prediction));
      return;
    }
    sendJson(res, 404, { title: 'Not found', detail: `No route ${req.method} ${path}`, status: 404 });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/v1`,
    origin,
    requests,
    predictions,
    scriptNext: (script) => scripts.push(script),
    failNextCreate: (status) => createFailures.push(status),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
