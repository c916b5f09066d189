/**
 * `pnpm check` step for the Fluent texts: every key has one home (one file, in any language), every
 * key of a ru file exists in its en twin and back, and every file parses. Run: `tsx scripts/check-texts.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FluentParser, Junk, Message, Term } from '@fluent/syntax';
import { LANGUAGES, type Language } from '@mechta/core';

export interface TextFile {
  /** Path relative to the repository root, as the report prints it. */
  path: string;
  language: Language;
  /** The path with its language left out: a ru file and its en twin share it. */
  twin: string;
  source: string;
}

const SKIPPED_DIRS = new Set(['node_modules', 'dist', '.git', '.data', 'test-artifacts']);

/** Every `.ftl` under root; the language is a `ru/`/`en/` folder on the path or the file name `ru.ftl`. */
export function findTextFiles(root: string): { files: TextFile[]; problems: string[] } {
  const files: TextFile[] = [];
  const problems: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path.join(dir, entry.name));
        continue;
      }
      if (!entry.name.endsWith('.ftl')) continue;
      const rel = path.relative(root, path.join(dir, entry.name)).split(path.sep).join('/');
      const parts = rel.split('/');
      const index = parts.findIndex((p, i) =>
        (LANGUAGES as readonly string[]).includes(i === parts.length - 1 ? p.replace(/\.ftl$/, '') : p),
      );
      const part = parts[index];
      if (index < 0 || part === undefined) {
        problems.push(
          `${rel}: no language in its path (put it under ru/ or en/, or name it ru.ftl / en.ftl)`,
        );
        continue;
      }
      const language = part.replace(/\.ftl$/, '') as Language;
      const twin = [...parts.slice(0, index), part.replace(language, '*'), ...parts.slice(index + 1)].join(
        '/',
      );
      files.push({ path: rel, language, twin, source: fs.readFileSync(path.join(dir, entry.name), 'utf8') });
    }
  };
  walk(root);
  return { files: files.sort((a, b) => a.path.localeCompare(b.path)), problems };
}

function lineOf(source: string, offset: number): number {
  return source.slice(0, offset).split('\n').length;
}

/** Problems in a set of text files; empty when they are fine. */
export function checkTexts(files: readonly TextFile[]): string[] {
  const problems: string[] = [];
  const parser = new FluentParser({ withSpans: true });
  // language → key → the files (with line) defining it
  const homes = new Map<Language, Map<string, string[]>>();
  // twin → language → keys
  const twins = new Map<string, Map<Language, Set<string>>>();

  for (const file of files) {
    const keys = new Set<string>();
    for (const entry of parser.parse(file.source).body) {
      if (entry instanceof Junk) {
        const at = lineOf(file.source, entry.span?.start ?? 0);
        const why = entry.annotations.map((a) => `${a.code} ${a.message}`).join('; ');
        problems.push(`${file.path}:${at}: Fluent syntax error: ${why}`);
        continue;
      }
      if (!(entry instanceof Message || entry instanceof Term)) continue;
      const key = entry instanceof Term ? `-${entry.id.name}` : entry.id.name;
      keys.add(key);
      const byKey = homes.get(file.language) ?? new Map<string, string[]>();
      homes.set(file.language, byKey);
      byKey.set(key, [
        ...(byKey.get(key) ?? []),
        `${file.path}:${lineOf(file.source, entry.span?.start ?? 0)}`,
      ]);
    }
    const byLanguage = twins.get(file.twin) ?? new Map<Language, Set<string>>();
    twins.set(file.twin, byLanguage);
    byLanguage.set(file.language, new Set([...(byLanguage.get(file.language) ?? []), ...keys]));
  }

  for (const byKey of homes.values()) {
    for (const [key, where] of byKey) {
      if (where.length > 1)
        problems.push(`${key}: defined ${where.length} times (${where.join(', ')}); give it one home`);
    }
  }
  for (const [twin, byLanguage] of twins) {
    for (const language of LANGUAGES) {
      const own = byLanguage.get(language);
      if (!own) {
        problems.push(
          `${twin.replace('*', language)}: missing (its ${[...byLanguage.keys()].join('/')} twin exists)`,
        );
        continue;
      }
      for (const other of LANGUAGES) {
        if (other === language) continue;
        for (const key of byLanguage.get(other) ?? []) {
          if (!own.has(key)) problems.push(`${twin.replace('*', language)}: no ${key} (${other} has it)`);
        }
      }
    }
  }
  return problems;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { files, problems } = findTextFiles(root);
  problems.push(...checkTexts(files));
  if (problems.length) {
    for (const p of problems) console.error(p);
    console.error(`check-texts: ${problems.length} problem(s) in ${files.length} .ftl files`);
    process.exit(1);
  }
  console.log(`check-texts: ${files.length} .ftl files, every key in one home, ru and en alike`);
}
