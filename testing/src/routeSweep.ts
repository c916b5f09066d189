import http from 'node:http';
import type { FastifyInstance } from 'fastify';
import { type InitDataUser, signInitData } from './telegram.ts';

/**
 * Route sweeps driven by the app's own OpenAPI document (GET /docs/json): every operation in it is
 * swept, so a route is covered the moment it is registered. The same sweeps run in-process
 * (`injectSend`, for the test suite) and over real HTTP (`httpSend`, for the RSS benchmark).
 */

// ---------------------------------------------------------------- transport

export interface SweepRequest {
  method: string;
  /** Path and query as sent on the wire (may be deliberately malformed). */
  url: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export interface SweepResponse {
  status: number;
  contentType: string;
  body: string;
}

/** Sends one request; undefined when the client itself refuses to send it (e.g. a NUL in a header). */
export type Send = (req: SweepRequest) => Promise<SweepResponse | undefined>;

/** Requests through Fastify's `inject`: the whole app, no sockets. */
export function injectSend(app: FastifyInstance): Send {
  return async (r) => {
    const res = await app.inject({
      method: r.method as 'GET',
      url: r.url,
      headers: r.headers,
      ...(r.body !== undefined ? { payload: r.body } : {}),
    });
    return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body };
  };
}

/** Requests over keep-alive HTTP to `baseUrl`, with the path written exactly as given. */
export function httpSend(baseUrl: string): Send {
  const base = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  return (r) =>
    new Promise((resolve, reject) => {
      let req: http.ClientRequest;
      try {
        req = http.request(
          { host: base.hostname, port: base.port, method: r.method, path: r.url, headers: r.headers, agent },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () =>
              resolve({
                status: res.statusCode ?? 0,
                contentType: String(res.headers['content-type'] ?? ''),
                body: Buffer.concat(chunks).toString('utf8'),
              }),
            );
            res.on('error', reject);
          },
        );
      } catch {
        // Node refuses to send such a request (invalid header characters, a path with spaces).
        return resolve(undefined);
      }
      req.on('error', reject);
      req.end(r.body);
    });
}

// ---------------------------------------------------------------- the document

type Schema = Record<string, unknown>;

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, Schema> };
  security?: unknown[];
}

interface ParameterObject {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

interface OperationObject {
  parameters?: ParameterObject[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
  tags?: string[];
}

export interface Parameter {
  name: string;
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** The OpenAPI path template, e.g. /api/v1/dreams/{id}. */
  path: string;
  pathParams: Parameter[];
  query: Parameter[];
  headers: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body?: { schema: Schema; required: boolean };
  /** Needs a bearer token (the document's default security, unless the operation sets `security: []`). */
  secured: boolean;
  admin: boolean;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, `$ref`s resolved. */
export function operations(doc: OpenApiDocument): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const params = (op.parameters ?? []).map((p) => ({
        in: p.in,
        name: p.name,
        required: Boolean(p.required),
        schema: resolve(doc, p.schema ?? {}),
      }));
      const json = op.requestBody?.content?.['application/json']?.schema;
      const security = op.security ?? doc.security ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path'),
        query: params.filter((p) => p.in === 'query'),
        headers: params.filter((p) => p.in === 'header'),
        body: json ? { schema: resolve(doc, json), required: Boolean(op.requestBody?.required) } : undefined,
        secured: security.length > 0,
        admin: path.includes('/admin/'),
      });
    }
  }
  return ops;
}

/** The schema with every `$ref` (to #/components/schemas/…) replaced by its target, recursively. */
export function resolve(doc: OpenApiDocument, schema: unknown, depth = 0): Schema {
  if (!schema || typeof schema !== 'object' || depth > 20) return (schema ?? {}) as Schema;
  if (Array.isArray(schema)) return schema.map((s) => resolve(doc, s, depth + 1)) as never;
  const s = schema as Schema;
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace(/^#\/components\/schemas\//, '');
    return resolve(doc, doc.components?.schemas?.[name] ?? {}, depth + 1);
  }
  return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, resolve(doc, v, depth + 1)]));
}

// ---------------------------------------------------------------- the envelope

/** One line per distinct defect (operation and problem), each with one example request. */
export function distinctFailures(failures: SweepFailure[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of failures) {
    const key = `${f.operation}: ${f.problem}`;
    out[key] ??= `${f.url.slice(0, 120)} → ${f.body?.slice(0, 200) ?? ''}`;
  }
  return out;
}

/** Why a response breaks the contract (5xx, or a failure outside the envelope), or undefined. */
export function envelopeProblem(req: SweepRequest, res: SweepResponse): string | undefined {
  // 503 with its own code (AI_UNAVAILABLE, SERVICE_UNAVAILABLE) is a deliberate refusal; any other
  // 5xx, or a 503 that is an INTERNAL error, is a defect.
  if (res.status >= 500 && !(res.status === 503 && /"code":"(?!INTERNAL")[A-Z_]+"/.test(res.body)))
    return `answered ${res.status}`;
  const api = req.url.startsWith('/api/');
  // Outside /api, successes are files, health and docs; only failures use the envelope there.
  if (res.status < 400 && !api) return undefined;
  if (res.status === 304 || res.status === 204) return undefined;
  let body: { ok?: unknown; error?: { code?: unknown; http_code?: unknown } | null; meta?: unknown };
  try {
    body = JSON.parse(res.body);
  } catch {
    return `answered ${res.status} with a body that is not JSON`;
  }
  if (res.status >= 400) {
    if (body.ok !== false || typeof body.error?.code !== 'string' || !body.meta)
      return `answered ${res.status} outside the envelope`;
    if (body.error.http_code !== res.status)
      return `http_code ${body.error.http_code} ≠ status ${res.status}`;
  } else if (body.ok !== true) return `answered ${res.status} without ok:true`;
  return undefined;
}

// ---------------------------------------------------------------- valid samples

/** A seeded pseudo-random source (mulberry32): the same seed gives the same sweep. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!,
    chance: (p: number) => next() < p,
  };
}
export type Rng = ReturnType<typeof seededRandom>;

/** A value the schema accepts (the first choice of a union, the required properties of an object). */
export function sample(schema: Schema, rng?: Rng): unknown {
  const choices = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (choices?.length) return sample(rng ? rng.pick(choices) : choices[0]!, rng);
  if (Array.isArray(schema.enum)) return rng ? rng.pick(schema.enum) : schema.enum[0];
  if ('const' in schema) return schema.const;
  if (schema.default !== undefined) return schema.default;
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case 'string': {
      if (schema.format === 'uuid') return '00000000-0000-4000-8000-000000000000';
      if (schema.format === 'date-time') return new Date(0).toISOString();
      if (schema.format === 'date') return '2026-01-01';
      const min = Number(schema.minLength ?? 0);
      const max = Number(schema.maxLength ?? 40);
      return 'A dream about the sea at night '.repeat(4).slice(0, Math.max(min, Math.min(max, 40)));
    }
    case 'integer':
    case 'number':
      return Math.max(Number(schema.minimum ?? 1), Math.min(Number(schema.maximum ?? 1), 1));
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return [];
    default: {
      const props = (schema.properties ?? {}) as Record<string, Schema>;
      const required = new Set((schema.required ?? []) as string[]);
      const out: Record<string, unknown> = {};
      for (const [k, s] of Object.entries(props)) {
        if (required.has(k) || rng?.chance(0.5)) out[k] = sample(s, rng);
      }
      return out;
    }
  }
}

// ---------------------------------------------------------------- odd values

const LONG = 'ж'.repeat(50_000); // 100 KB of UTF-8
const ODD_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '\u202eevil\u202c',
  '\u200b\u200d\ufeff',
  '🌙💤🛌🏽👩‍👩‍👧',
  'e\u0301\u0301\u0301',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '%00%zz%',
  '../../etc/passwd',
  '\\',
  'null',
  '1e400',
  '-1',
  'true',
  '2020-02-30',
  '9999-99-99T99:99:99Z',
  '\r\n\t',
  '&|!:*()',
  'a'.repeat(129),
  LONG,
];
const ODD_NUMBERS = [0, -1, -0, 1.5, 2 ** 31, 2 ** 53, 1e20, -1e20, 1e308, Number.MAX_SAFE_INTEGER + 2];
const ODD_VALUES: unknown[] = [null, true, false, [], {}, [1, 'a'], { a: { b: [] } }, ...ODD_NUMBERS, 'x'];

function oddValue(rng: Rng): unknown {
  const r = rng.next();
  if (r < 0.45) return rng.pick(ODD_STRINGS);
  if (r < 0.75) return rng.pick(ODD_NUMBERS);
  return rng.pick(ODD_VALUES);
}

/** A query or path value as text, sometimes raw (not percent-encoded) to test the URL parser. */
function oddText(rng: Rng): string {
  const r = rng.next();
  if (r < 0.15) return rng.pick(['%', '%zz', '%E0%A4%A', '%00', '%2e%2e', '%C0%AF', '%ff%fe']);
  if (r < 0.2) return 'a'.repeat(rng.pick([65, 101, 300, 5000]));
  const v = rng.chance(0.5) ? rng.pick(ODD_STRINGS) : String(rng.pick(ODD_NUMBERS));
  return encode(v.length > 2000 ? v.slice(0, 2000) : v);
}

/** Percent-encoding that also writes lone surrogates (as the invalid UTF-8 bytes a client might send). */
function encode(v: string): string {
  try {
    return encodeURIComponent(v);
  } catch {
    return [...v].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
  }
}

const MALFORMED_JSON = [
  '{',
  '{"text":',
  '[',
  'nul',
  '{"a":1,}',
  "{'a':1}",
  '{"__proto__":{"polluted":1}}',
  '{"constructor":{"prototype":{"polluted":1}}}',
  `${'['.repeat(5000)}${']'.repeat(5000)}`,
  `{"a":${'{"a":'.repeat(2000)}1${'}'.repeat(2001)}`,
  '\u0000',
  '"\\ud800"',
  '1e999999',
  '',
];
const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/xml',
  'application/json; charset=latin1',
  '',
];

// ---------------------------------------------------------------- fuzz

export interface FuzzContext {
  /** Headers (a bearer token) for the operation; the sweep sometimes drops or spoils them. */
  auth(op: Operation): Record<string, string>;
  /** Ids that exist for the path parameter `name` of `op`, so some requests reach the handlers' depths. */
  ids(op: Operation, name: string): readonly (string | number)[];
}

function fill(path: string, values: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? '');
}

function mutateObject(rng: Rng, schema: Schema, value: unknown): unknown {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return oddValue(rng);
  const obj = { ...(value as Record<string, unknown>) };
  const props = Object.keys((schema.properties ?? {}) as object);
  const keys = [...new Set([...Object.keys(obj), ...props])];
  const r = rng.next();
  if (r < 0.2 && Object.keys(obj).length) delete obj[rng.pick(Object.keys(obj))];
  else if (r < 0.3)
    obj[rng.pick(['extra', 'id', 'user_id', '__proto__', 'is_admin', 'a\u0000'])] = oddValue(rng);
  else if (keys.length) {
    // One to three fields get wrong types, odd strings, extreme numbers.
    for (let i = 0, n = 1 + rng.int(3); i < n; i++) obj[rng.pick(keys)] = oddValue(rng);
  } else obj.extra = oddValue(rng);
  return obj;
}

/** One random request for `op`: a valid base with one kind of damage (or none). */
export function fuzzRequest(op: Operation, rng: Rng, ctx: FuzzContext): SweepRequest {
  const headers: Record<string, string> = { ...ctx.auth(op) };
  const r = rng.next();
  if (r < 0.05) delete headers.authorization;
  else if (r < 0.08)
    headers.authorization = rng.pick(['Bearer ', 'Bearer x.y.z', 'Basic abc', `Bearer ${'x'.repeat(500)}`]);
  if (rng.chance(0.05)) headers['accept-language'] = rng.pick(['ru', 'zz', '*', ';q=', 'ru-RU,ru;q=0.9']);

  const pathValues: Record<string, string> = {};
  for (const p of op.pathParams) {
    const known = ctx.ids(op, p.name);
    pathValues[p.name] = known.length && rng.chance(0.6) ? encode(String(rng.pick(known))) : oddText(rng);
  }

  const query: string[] = [];
  for (const q of op.query) {
    if (q.required || rng.chance(0.4)) query.push(`${q.name}=${encode(String(sample(q.schema, rng)))}`);
  }
  if (op.query.length && rng.chance(0.5)) {
    const q = rng.pick(op.query);
    query.push(`${q.name}=${oddText(rng)}`);
    if (rng.chance(0.2)) query.push(`${q.name}=${oddText(rng)}`); // sent twice
  } else if (rng.chance(0.1)) query.push(`${oddText(rng)}=${oddText(rng)}`);

  for (const h of op.headers) {
    if (rng.chance(0.5)) {
      const v = rng.chance(0.5) ? String(sample(h.schema, rng)) : String(rng.pick(ODD_STRINGS)).slice(0, 300);
      headers[h.name] = v;
    }
  }

  let body: string | Buffer | undefined;
  if (op.body || rng.chance(0.1)) {
    const schema = op.body?.schema ?? {};
    const base = sample(schema, rng);
    const k = rng.next();
    if (k < 0.2) body = JSON.stringify(base);
    else if (k < 0.7) body = JSON.stringify(mutateObject(rng, schema, base));
    else if (k < 0.8) body = JSON.stringify(oddValue(rng));
    else if (k < 0.9) body = rng.pick(MALFORMED_JSON);
    else body = Buffer.from([0x7b, 0x22, 0x74, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0x22, 0x7d]); // invalid UTF-8
    const ct = rng.chance(0.1) ? rng.pick(CONTENT_TYPES) : 'application/json';
    if (ct) headers['content-type'] = ct;
    if (rng.chance(0.05)) body = undefined; // a declared body that never comes
  }
  return {
    method: op.method,
    url: `${fill(op.path, pathValues)}${query.length ? `?${query.join('&')}` : ''}`,
    headers,
    body,
  };
}

export interface SweepFailure {
  /** The operation as `METHOD /path/{template}`. */
  operation: string;
  method: string;
  url: string;
  problem: string;
  status?: number;
  body?: string;
}

export interface FuzzReport {
  requests: number;
  /** Requests the client refused to send (counted apart; the server never saw them). */
  unsent: number;
  perOperation: Record<string, number>;
  statuses: Record<string, number>;
  failures: SweepFailure[];
}

/**
 * `perOperation` seeded random requests to every operation of the document: never a 5xx, every
 * failure in the envelope.
 */
export async function fuzzSweep(opts: {
  doc: OpenApiDocument;
  send: Send;
  seed: number;
  perOperation: number;
  ctx: FuzzContext;
  /** Called before each operation's batch (e.g. to sign in afresh after a logout). */
  beforeOperation?(op: Operation): Promise<void>;
}): Promise<FuzzReport> {
  const rng = seededRandom(opts.seed);
  const report: FuzzReport = { requests: 0, unsent: 0, perOperation: {}, statuses: {}, failures: [] };
  for (const op of operations(opts.doc)) {
    await opts.beforeOperation?.(op);
    const name = `${op.method} ${op.path}`;
    report.perOperation[name] = 0;
    for (let i = 0; i < opts.perOperation; i++) {
      const req = fuzzRequest(op, rng, opts.ctx);
      const res = await opts.send(req).catch((err: Error) => {
        report.failures.push({
          operation: name,
          method: req.method,
          url: req.url.slice(0, 200),
          problem: `transport: ${err.message}`,
        });
        return null;
      });
      if (res === null) continue;
      if (res === undefined) {
        report.unsent++;
        continue;
      }
      report.requests++;
      report.perOperation[name]++;
      report.statuses[res.status] = (report.statuses[res.status] ?? 0) + 1;
      const problem = envelopeProblem(req, res);
      if (problem)
        report.failures.push({
          operation: name,
          method: req.method,
          url: req.url.slice(0, 200),
          problem,
          status: res.status,
          body: res.body.slice(0, 300),
        });
    }
  }
  return report;
}

// ---------------------------------------------------------------- ownership

/** The ids in a JSON value: every `id` and `*_id` field, and the ids in /media/ URLs. */
export function collectIds(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) collectIds(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if ((k === 'id' || k.endsWith('_id')) && (typeof v === 'string' || typeof v === 'number'))
        into.add(String(v));
      else collectIds(v, into);
    }
  } else if (typeof value === 'string') {
    for (const m of value.matchAll(/\/media\/([^/?#]+)/g)) into.add(decodeURIComponent(m[1]!));
  }
  return into;
}

/** Signed URLs carry a fresh expiry on every read; the object behind them is what must not change. */
const stable = (body: string) => body.replace(/([?&](exp|sig)=)[^&"]*/g, '$1…');

/**
 * What `headers`' owner can read of their own: the result of every GET without path parameters
 * (outside admin), and of every GET with one for each id in `ids`.
 */
export async function snapshot(
  doc: OpenApiDocument,
  send: Send,
  headers: Record<string, string>,
  ids: readonly string[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const op of operations(doc)) {
    if (op.method !== 'GET' || op.admin || !op.secured) continue;
    const urls =
      op.pathParams.length === 0
        ? [op.path]
        : ids.map((id) =>
            fill(op.path, Object.fromEntries(op.pathParams.map((p) => [p.name, encodeURIComponent(id)]))),
          );
    for (const url of urls) {
      const res = await send({ method: 'GET', url, headers });
      if (!res) continue;
      let result: unknown = res.body;
      try {
        result = JSON.parse(res.body).result;
      } catch {}
      out[url] = `${res.status} ${stable(JSON.stringify(result) ?? '')}`;
    }
  }
  return out;
}

export interface OwnershipReport {
  checked: number;
  failures: SweepFailure[];
}

/**
 * The intruder tries each of the owner's ids on every operation with a path parameter, every
 * method: a secured route must answer 404 NOT_FOUND (the same as for an id that does not exist),
 * a public one (`security: []`, e.g. signed media URLs) the same as it answers for a made-up id.
 * Every admin operation, for the intruder (not an admin), is 404 whatever the id.
 */
export async function ownershipSweep(opts: {
  doc: OpenApiDocument;
  send: Send;
  intruder: Record<string, string>;
  ownerIds: readonly string[];
}): Promise<OwnershipReport> {
  const report: OwnershipReport = { checked: 0, failures: [] };
  const fakeIds = ['00000000-0000-4000-8000-000000000000', '1'];
  for (const op of operations(opts.doc)) {
    if (op.pathParams.length === 0 && !op.admin) continue;
    const body = op.body ? JSON.stringify(sample(op.body.schema)) : undefined;
    const request = (id: string): SweepRequest => {
      const values = Object.fromEntries(op.pathParams.map((p) => [p.name, encodeURIComponent(id)]));
      const query = op.query
        .filter((q) => q.required)
        .map((q) => `${q.name}=${encodeURIComponent(String(sample(q.schema)))}`);
      return {
        method: op.method,
        url: `${fill(op.path, values)}${query.length ? `?${query.join('&')}` : ''}`,
        headers: { ...opts.intruder, ...(body ? { 'content-type': 'application/json' } : {}) },
        body,
      };
    };
    let expected: string | undefined = op.secured ? '404 NOT_FOUND' : undefined;
    if (!expected) {
      const res = await opts.send(request(fakeIds[0]!));
      expected = res ? `${res.status} ${errorCode(res)}` : undefined;
    }
    for (const id of op.pathParams.length ? opts.ownerIds : ['1']) {
      const req = request(id);
      const res = await opts.send(req);
      if (!res) continue;
      report.checked++;
      const got = `${res.status} ${errorCode(res)}`;
      if (got !== expected)
        report.failures.push({
          operation: `${op.method} ${op.path}`,
          method: req.method,
          url: req.url,
          problem: `intruder got ${got}, expected ${expected}`,
          status: res.status,
          body: res.body.slice(0, 300),
        });
    }
  }
  return report;
}

function errorCode(res: SweepResponse): string {
  try {
    return String(JSON.parse(res.body).error?.code ?? '-');
  } catch {
    return '-';
  }
}

// ---------------------------------------------------------------- the cast

/** Signs `user` in through POST /api/v1/auth/telegram; the bearer header of the new session. */
export async function signIn(
  send: Send,
  botToken: string,
  user: InitDataUser,
): Promise<Record<string, string>> {
  const res = await send({
    method: 'POST',
    url: '/api/v1/auth/telegram',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ init_data: signInitData(user, botToken) }),
  });
  if (res?.status !== 200) throw new Error(`sign-in of ${user.id} failed: ${res?.status} ${res?.body}`);
  return { authorization: `Bearer ${JSON.parse(res.body).result.access_token}` };
}

async function getJson(send: Send, url: string, headers: Record<string, string>): Promise<unknown> {
  const res = await send({ method: 'GET', url, headers });
  return res ? JSON.parse(res.body).result : null;
}

/** Logs a few dreams for `headers`' user through the API (private, as logged). */
export async function seedDreams(
  send: Send,
  headers: Record<string, string>,
  texts: string[],
): Promise<void> {
  for (const text of texts) {
    const res = await send({
      method: 'POST',
      url: '/api/v1/dreams',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ text, lucid: true, mood: 3 }),
    });
    if (res?.status !== 201) throw new Error(`seeding a dream failed: ${res?.status} ${res?.body}`);
  }
}

export interface SweepCast {
  doc: OpenApiDocument;
  owner: Record<string, string>;
  intruder: Record<string, string>;
  admin: Record<string, string>;
  /** The owner's own ids (dreams, media, ledger, sessions, the user), from what the owner can read. */
  ownerIds(): Promise<string[]>;
  /** Fuzz context: the fuzzing user (signed in afresh before each operation) and the admin. */
  ctx: FuzzContext;
  beforeOperation(op: Operation): Promise<void>;
}

/**
 * The users of a sweep, signed in over the API (so it works in-process and over HTTP): an owner
 * with dreams, an intruder, a fuzzing user with dreams of their own, a victim for admin actions and
 * the admin. `ids` keeps the users apart between runs against one database.
 */
export async function sweepCast(
  send: Send,
  opts: { botToken: string; adminId: number; firstUserId: number },
): Promise<SweepCast> {
  const docRes = await send({ method: 'GET', url: '/docs/json' });
  if (docRes?.status !== 200) throw new Error(`GET /docs/json answered ${docRes?.status}`);
  const doc = JSON.parse(docRes.body) as OpenApiDocument;
  const id = opts.firstUserId;
  const user = (n: number, name: string): InitDataUser => ({
    id: id + n,
    first_name: name,
    language_code: 'en',
  });
  const owner = await signIn(send, opts.botToken, user(0, 'Owner'));
  const intruder = await signIn(send, opts.botToken, user(1, 'Intruder'));
  const fuzzerUser = user(2, 'Fuzzer');
  let fuzzer = await signIn(send, opts.botToken, fuzzerUser);
  await signIn(send, opts.botToken, user(3, 'Victim'));
  const admin = await signIn(send, opts.botToken, {
    id: opts.adminId,
    first_name: 'Admin',
    language_code: 'en',
  });
  const texts = [
    'I flew over a quiet sea at night',
    'A house with a hundred doors, all open',
    'My teeth fell out in class',
  ];
  await seedDreams(send, owner, texts);
  await seedDreams(send, fuzzer, texts);

  let fuzzerIds: string[] = [];
  return {
    doc,
    owner,
    intruder,
    admin,
    async ownerIds() {
      const ids = new Set<string>();
      for (const url of ['/api/v1/me', '/api/v1/dreams', '/api/v1/wallet/ledger', '/api/v1/auth/sessions'])
        collectIds(await getJson(send, url, owner), ids);
      return [...ids];
    },
    ctx: {
      auth: (op) => (op.admin ? admin : fuzzer),
      ids: (op) => (op.admin ? [id + 3, opts.adminId, 1] : fuzzerIds),
    },
    async beforeOperation() {
      // The previous operation may have been a logout (or logout everywhere).
      fuzzer = await signIn(send, opts.botToken, fuzzerUser);
      fuzzerIds = [...collectIds(await getJson(send, '/api/v1/dreams', fuzzer))];
    },
  };
}
