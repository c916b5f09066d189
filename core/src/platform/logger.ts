import pino, { type Logger } from 'pino';

export type { Logger };

/** The process logger; tests pass level 'silent'. */
export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { app: 'mechta', ...bindings } });
}
