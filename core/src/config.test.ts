import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

const TOKEN = '123456:TEST-TOKEN-abcdefghijklmnopqrstuv';

describe('DEMO_MODE', () => {
  it('is on without a bot token only in development or when asked for', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).demoMode).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).demoMode).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).demoMode).toBe(true);
    expect(loadConfig({}).demoMode).toBe(true); // NODE_ENV defaults to development
    expect(loadConfig({ NODE_ENV: 'production', DEMO_MODE: 'true' }).demoMode).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', DEMO_MODE: 'false' }).demoMode).toBe(false);
  });

  it('is never on with a bot token', () => {
    expect(loadConfig({ NODE_ENV: 'development', BOT_TOKEN: TOKEN }).demoMode).toBe(false);
    expect(loadConfig({ BOT_TOKEN: TOKEN, DEMO_MODE: 'true' }).demoMode).toBe(false);
  });
});

describe('TRUST_PROXY', () => {
  const trust = (v?: string) => loadConfig({ TRUST_PROXY: v }).http.trustProxy;

  it('is off by default', () => {
    expect(trust()).toBe(false);
    expect(trust('')).toBe(false);
    expect(trust('false')).toBe(false);
  });

  it('takes true or a list of addresses and ranges, as Fastify does', () => {
    expect(trust('true')).toBe(true);
    expect(trust('10.0.0.1, 172.16.0.0/12,loopback, ::1, fd00::/8')).toEqual([
      '10.0.0.1',
      '172.16.0.0/12',
      'loopback',
      '::1',
      'fd00::/8',
    ]);
  });

  it('names the variable for anything else', () => {
    // A hop count too: Fastify 5 trusts nothing for one (it cannot check who sent the header).
    for (const bad of ['2', 'yes please', '10.0.0.1/33', '300.1.1.1', '10.0.0.0/8/1']) {
      expect(() => trust(bad)).toThrow(ConfigError);
      expect(() => trust(bad)).toThrow(/TRUST_PROXY/);
    }
  });
});
