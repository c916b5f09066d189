/**
 * analysis: offline dream analyses per second on one core (the lexicon analyser is synchronous,
 * so one process is one core), over the labelled fixture dreams and long dreams at the length limit.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeDreamOffline } from '@mechta/core/ai/offline/analyser';
import { round, writeResult } from './lib.ts';

const fixture = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../core/src/ai/offline/fixtures/dreams-labeled.jsonl',
);
const dreams = fs
  .readFileSync(fixture, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { lang: 'ru' | 'en'; text: string; category: string });

function measure(texts: Array<{ lang: 'ru' | 'en'; text: string }>, seconds: number) {
  // warm-up: let the JIT settle
  for (let i = 0; i < 2000; i++)
    analyzeDreamOffline(texts[i % texts.length]!.text, texts[i % texts.length]!.lang);
  let n = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  while (performance.now() < end) {
    for (let k = 0; k < 50; k++, n++)
      analyzeDreamOffline(texts[n % texts.length]!.text, texts[n % texts.length]!.lang);
  }
  return n / ((performance.now() - start) / 1000);
}

const short = measure(dreams, 5);
const long = measure(
  dreams.map((d) => {
    let t = d.text;
    while (t.length < 1900) t += ` ${d.text}`;
    return { lang: d.lang, text: t.slice(0, 2000) };
  }),
  5,
);
writeResult('analysis', {
  goal: 'offline analyses per second on one core (reported, no target)',
  fixture_dreams: dreams.length,
  average_chars_fixture: Math.round(dreams.reduce((s, d) => s + d.text.length, 0) / dreams.length),
  analyses_per_second_fixture: round(short, 0),
  analyses_per_second_2000_chars: round(long, 0),
});
