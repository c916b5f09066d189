import pg from 'pg';
const log: string[] = [];
const oq = (pg as any).Client.prototype.query;
(pg as any).Client.prototype.query = function (...a: any[]) { const q = typeof a[0] === 'string' ? a[0] : a[0]?.text; log.push(String(q).slice(0, 100)); return oq.apply(this, a); };
const { buildApp } = await import('@mechta/api/app');
const { createDb } = await import('@mechta/db');
const { benchCore } = await import('./core.ts');
const url = 'postgres://postgres@127.0.0.1:5432/mechta_bench_journal';
const db = createDb(url, 10);
const { core } = await benchCore({ db, url, close: async () => {} });
const tok = (await core.auth.signIn(10000042, 'x')).access_token;
const app = await buildApp({ core });
await app.ready();
for (const round of [1, 2]) {
  log.length = 0;
  const t = performance.now();
  for (let i = 0; i < 200; i++) {
    const r = await app.inject({ method: 'GET', url: '/api/v1/dreams?page=1&page_size=20', headers: { authorization: `Bearer ${tok}` } });
    if (i === 0 && round === 1) console.log(r.statusCode, r.body.slice(0, 200));
  }
  console.log('ms/req', ((performance.now() - t) / 200).toFixed(2), 'queries/req', log.length / 200);
}
console.log([...new Set(log)].join('\n'));
process.exit(0);
