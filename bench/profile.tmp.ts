import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/prof3', '--import', 'tsx', 'bench/webhook-server.ts', 'full'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_USERS: '1000' } });
let out = '';
const port = await new Promise<number>((r) => child.stdout!.on('data', (d) => { out += d; const m = /READY (\d+)/.exec(out); if (m) r(Number(m[1])); }));
let id = 1;
const res = await autocannon({ url: `http://127.0.0.1:${port}/telegram/webhook`, method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 'bench-secret' }, connections: 50, duration: 15,
  requests: [{ setupRequest: (req) => { const i = id++; const u = 500000 + (i % 1000); return { ...req, body: JSON.stringify({ update_id: i, message: { message_id: i, date: 1, chat: { id: u, type: 'private', first_name: `User${u}` }, from: { id: u, is_bot: false, first_name: `User${u}`, language_code: u % 2 ? 'ru' : 'en' }, text: 'hello there' } }) }; } }] });
console.log('rps', res.requests.average, 'p99', res.latency.p99, 'non2xx', res.non2xx);
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
