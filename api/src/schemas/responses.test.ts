import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { registerDreamsJobs } from '@mechta/core';
import { startTestServer, type TestServer } from '@mechta/testing/app';
import { TEST_ADMIN_ID } from '@mechta/testing/core';
import { signInitData } from '@mechta/testing/telegram';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every route's real answers checked against the response schema the OpenAPI document publishes
 * for it — including `GET /dreams`, whose items are cached JSON bytes that no serializer touches.
 */

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';
interface Operation {
  responses: Record<string, { content?: { 'application/json'?: { schema: object } } }>;
}
interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, object> };
}

let s: TestServer;
let dataDir: string;
let doc: OpenApiDoc;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats.default(ajv);
const validators = new Map<string, ValidateFunction>();
/** `METHOD /template status` of every answer validated. */
const seen = new Set<string>();
const tokens: Record<string, string> = {};
const users: Record<string, { refresh_token: string; user: { id: number; limits: object } }> = {};

const templates = () =>
  Object.keys(doc.paths).map((template) => ({
    template,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));

/** The validator of one documented answer; the schema sits next to the document's components. */
function validatorFor(method: Method, template: string, status: number): ValidateFunction {
  const key = `${method} ${template} ${status}`;
  let validate = validators.get(key);
  if (!validate) {
    const schema =
      doc.paths[template]?.[method.toLowerCase()]?.responses[String(status)]?.content?.['application/json']
        ?.schema;
    if (!schema) throw new Error(`${key} is not in the OpenAPI document`);
    validate = ajv.compile({ ...schema, components: doc.components });
    validators.set(key, validate);
  }
  return validate;
}

function checkAgainstDocument(method: Method, url: string, status: number, body: unknown): void {
  const pathname = url.split('?')[0]!;
  const match = templates().find((t) => t.pattern.test(pathname));
  if (!match) throw new Error(`${method} ${pathname} matches no documented path`);
  const validate = validatorFor(method, match.template, status);
  if (!validate(body)) {
    throw new Error(
      `${method} ${url} → ${status} does not match its schema: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 2000)}`,
    );
  }
  seen.add(`${method} ${match.template} ${status}`);
}

async function call(who: string | null, method: Method, url: string, payload?: object) {
  const res = await s.app.inject({
    method,
    url,
    headers: who ? { authorization: `Bearer ${tokens[who]}` } : {},
    ...(payload ? { payload } : {}),
  });
  const body = res.json();
  checkAgainstDocument(method, url, res.statusCode, body);
  return { status: res.statusCode, body };
}

async function signIn(who: string, id: number) {
  const firstName = who[0]!.toUpperCase() + who.slice(1);
  const res = await call(null, 'POST', '/api/v1/auth/telegram', {
    init_data: signInitData({ id, first_name: firstName, language_code: 'en' }, s.botToken),
  });
  expect(res.status).toBe(200);
  tokens[who] = res.body.result.access_token;
  return res.body.result;
}

async function analysedDream(text: string): Promise<string> {
  const created = await call('alice', 'POST', '/api/v1/dreams', { text });
  expect(created.status).toBe(201);
  const id = created.body.result.id as string;
  await expect
    .poll(async () => (await call('alice', 'GET', `/api/v1/dreams/${id}`)).body.result?.image_status, {
      timeout: 20_000,
      interval: 100,
    })
    .toBe('done');
  return id;
}

beforeAll(async () => {
  dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'mechta-api-shapes-'));
  s = await startTestServer(
    {
      DATA_DIR: dataDir,
      STARTING_TOKENS: '100',
      RATE_LIMIT_PER_MINUTE: '100000',
      QUOTA_FREE_TEXT: '100',
      QUOTA_FREE_IMAGE: '100',
    },
    { listen: false },
  );
  await registerDreamsJobs(s.core);
  await s.core.queue.startWorkers();
  doc = (await s.app.inject({ method: 'GET', url: '/docs/json' })).json();
  users.admin = await signIn('boss', TEST_ADMIN_ID);
  users.alice = await signIn('alice', 7301);
  await signIn('bob', 7302);
});
afterAll(async () => {
  await s.close();
  await fs.rm(dataDir, { recursive: true, force: true });
});

describe('responses against the OpenAPI document', () => {
  it('names the shared shapes in components.schemas and refers to them', () => {
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Dream', 'DreamAnalysis', 'Failure', 'Meta', 'Me', 'Wallet', 'LedgerEntry']),
    );
    const dreams = JSON.stringify(doc.paths['/api/v1/dreams']);
    expect(dreams).toContain('"$ref":"#/components/schemas/Dream"');
    expect(dreams).toContain('"$ref":"#/components/schemas/Failure"');
  });

  it('catches a cached journal entry that drifts from the Dream schema', async () => {
    await analysedDream('I was flying over a night city, the lights below flickering like stars.');
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/v1/dreams',
      headers: { authorization: `Bearer ${tokens.alice}` },
    });
    const body = res.json();
    // What a stale cache entry written by an older build would look like: a field renamed.
    const { own, ...stale } = body.result[0];
    expect(() =>
      checkAgainstDocument('GET', '/api/v1/dreams', 200, { ...body, result: [{ ...stale, mine: own }] }),
    ).toThrow(/does not match its schema/);
  });

  it('every route answers in its documented shape', async () => {
    await call(null, 'GET', '/api/v1/auth/options');
    const admin = users.admin!;
    const alice = users.alice!;
    expect(alice.user.limits).toMatchObject({ dream_text_min: 10, dream_text_max: 2000 });

    const refreshed = await call(null, 'POST', '/api/v1/auth/refresh', {
      refresh_token: alice.refresh_token,
    });
    tokens.alice = refreshed.body.result.access_token;
    await call('alice', 'GET', '/api/v1/auth/sessions');
    await call('alice', 'GET', '/api/v1/me');
    await call('alice', 'PATCH', '/api/v1/me', {
      timezone: 'Europe/Moscow',
      notifications: { weekly: false },
    });
    await call('alice', 'PATCH', '/api/v1/me', { timezone: 'Nowhere/City' });
    await call(null, 'GET', '/api/v1/me');

    // The journal twice: the second answer comes from the cached bytes.
    const first = await analysedDream('I was flying over a night city, the lights below flickering softly.');
    const second = await analysedDream('A long corridor of doors, each opening onto the same empty room.');
    for (let i = 0; i < 2; i++) {
      const journal = await call('alice', 'GET', '/api/v1/dreams?page_size=10');
      expect(journal.body.result.map((d: { id: string }) => d.id)).toEqual(
        expect.arrayContaining([first, second]),
      );
      expect(journal.body.result[0].analysis).not.toBeNull();
    }
    await call('alice', 'GET', '/api/v1/dreams?q=corridor&lucid=false');
    await call('alice', 'GET', '/api/v1/dreams?category=nope');
    await call('alice', 'POST', '/api/v1/dreams', { text: 'short' });
    await call('alice', 'GET', `/api/v1/dreams/${first}`);
    await call('alice', 'PATCH', `/api/v1/dreams/${first}`, { title: 'Night flight', mood: 4 });
    await call('alice', 'POST', `/api/v1/dreams/${first}/analysis`);
    await call('alice', 'POST', `/api/v1/dreams/${first}/reanalysis`);
    await call('alice', 'POST', `/api/v1/dreams/${first}/share`, { anonymous: false });
    const feed = await call('bob', 'GET', '/api/v1/dreams/feed');
    expect(feed.body.result[0].author).toMatchObject({ name: 'Alice' });
    await call('bob', 'GET', `/api/v1/dreams/${first}`);
    await call('bob', 'GET', `/api/v1/dreams/${second}`);
    await call('alice', 'DELETE', `/api/v1/dreams/${first}/share`);
    await call('alice', 'GET', '/api/v1/dreams/insights');
    await call('alice', 'GET', `/api/v1/dreams/${first}/video`);
    const reading = await call('alice', 'POST', `/api/v1/dreams/${first}/readings`, { lens: 'jung' });
    await call('alice', 'POST', `/api/v1/dreams/${first}/readings`, { lens: 'tarot' });
    await call('alice', 'GET', `/api/v1/dreams/${first}/readings`);
    await call('alice', 'PATCH', `/api/v1/dreams/${first}/readings/${reading.body.result.id}`, {
      verdict: 'fits',
    });
    await call('alice', 'POST', `/api/v1/dreams/${first}/video`);
    await call('alice', 'DELETE', `/api/v1/dreams/${second}`);

    await call('alice', 'GET', '/api/v1/wallet');
    await call('alice', 'GET', '/api/v1/wallet/ledger?page_size=5');
    await call('alice', 'POST', '/api/v1/wallet/invoice', { offer_id: 'nope' });
    await call('alice', 'GET', '/api/v1/referrals');

    const aliceId = alice.user.id as number;
    await call('boss', 'GET', '/api/v1/admin/stats');
    await call('boss', 'GET', '/api/v1/admin/users?q=Alice');
    await call('boss', 'GET', `/api/v1/admin/users/${aliceId}`);
    await call('boss', 'POST', `/api/v1/admin/users/${aliceId}/block`);
    await call('boss', 'POST', `/api/v1/admin/users/${aliceId}/unblock`);
    await call('boss', 'POST', `/api/v1/admin/users/${admin.user.id}/block`);
    await call('boss', 'POST', `/api/v1/admin/users/${aliceId}/tokens`, { amount: 5, reason: 'thanks' });
    await call('boss', 'POST', `/api/v1/admin/users/${aliceId}/plan`, { plan: 'pro', hours: 24 });
    await call('boss', 'GET', '/api/v1/admin/payments?status=paid');
    await call('boss', 'POST', '/api/v1/admin/payments/999999/refund');
    await call('alice', 'GET', '/api/v1/admin/stats');
    await call('alice', 'POST', '/api/v1/auth/logout');

    // Every documented /api/v1 operation answered at least once, and in its success shape unless
    // that needs a party the test server has not got.
    const needsMore: Record<string, string> = {
      'POST /api/v1/wallet/invoice': 'a Telegram bot to create the invoice link',
      'POST /api/v1/admin/payments/{id}/refund': 'a Stars payment and a Telegram bot',
      'POST /api/v1/dreams/{id}/video': 'a video provider (offline here: 503)',
      'POST /api/v1/auth/demo': 'demo mode',
    };
    const operations = Object.entries(doc.paths)
      .filter(([template]) => template.startsWith('/api/v1/'))
      .flatMap(([template, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${template}`));
    const answered = (op: string, success: boolean) =>
      [...seen].some((k) => k.startsWith(`${op} `) && (!success || /\s2\d\d$/.test(k)));
    expect(operations.filter((op) => !answered(op, false) && !needsMore[op])).toEqual([]);
    expect(operations.filter((op) => !answered(op, true) && !needsMore[op])).toEqual([]);
  });
});
