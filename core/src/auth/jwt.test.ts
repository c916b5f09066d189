import { createHmac, createSecretKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { JwtExpired, JwtInvalid, signJwt, verifyJwt } from './jwt.ts';

const key = createSecretKey(Buffer.from('test-secret-test-secret-test-secret-0123'));
const NOW = 1_800_000_000;
const claims = { sub: '42', sid: '6f1c2a52-8d3e-4c1b-9a57-2a0f3f5e7b10', iat: NOW, exp: NOW + 900 };
const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
/** A token with any header and payload, correctly signed with the key. */
const forge = (header: unknown, payload: unknown) => {
  const input = `${b64(header)}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
};

describe('HS256 tokens', () => {
  it('verifies what it signs, and tokens jose signed before (sessions open across the change)', async () => {
    expect(verifyJwt(signJwt(claims, key), key, NOW)).toMatchObject(claims);
    const fromJose = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('42')
      .setIssuedAt(NOW)
      .setExpirationTime(NOW + 900)
      .sign(key);
    expect(verifyJwt(fromJose, key, NOW)).toMatchObject(claims);
  });

  it('refuses a changed payload, another key, a cut signature and malformed tokens', () => {
    const token = signJwt(claims, key);
    const [h, , s] = token.split('.');
    expect(() => verifyJwt(`${h}.${b64({ ...claims, sub: '43' })}.${s}`, key, NOW)).toThrow(JwtInvalid);
    const other = createSecretKey(Buffer.from('another-secret-another-secret-another-0'));
    expect(() => verifyJwt(token, other, NOW)).toThrow(JwtInvalid);
    expect(() => verifyJwt(token.slice(0, -4), key, NOW)).toThrow(JwtInvalid);
    for (const bad of ['', 'a.b', 'a.b.c.d', '...', `${h}..${s}`]) {
      expect(() => verifyJwt(bad, key, NOW)).toThrow(JwtInvalid);
    }
  });

  it('refuses any algorithm but HS256 and headers it does not understand, even when signed', () => {
    const unsigned = `${b64({ alg: 'none' })}.${b64(claims)}.`;
    expect(() => verifyJwt(unsigned, key, NOW)).toThrow(JwtInvalid);
    expect(() => verifyJwt(forge({ alg: 'none' }, claims), key, NOW)).toThrow(JwtInvalid);
    expect(() => verifyJwt(forge({ alg: 'HS512' }, claims), key, NOW)).toThrow(JwtInvalid);
    expect(() => verifyJwt(forge({ alg: 'HS256', crit: ['x'] }, claims), key, NOW)).toThrow(JwtInvalid);
    expect(() => verifyJwt(forge([], claims), key, NOW)).toThrow(JwtInvalid);
  });

  it('checks the times: expired, no expiry, not valid yet', () => {
    expect(() => verifyJwt(signJwt(claims, key), key, NOW + 900)).toThrow(JwtExpired);
    expect(() => verifyJwt(forge({ alg: 'HS256' }, { ...claims, exp: undefined }), key, NOW)).toThrow(
      JwtInvalid,
    );
    expect(() => verifyJwt(forge({ alg: 'HS256' }, { ...claims, exp: '9999999999' }), key, NOW)).toThrow(
      JwtInvalid,
    );
    expect(() => verifyJwt(forge({ alg: 'HS256' }, { ...claims, nbf: NOW + 60 }), key, NOW)).toThrow(
      JwtInvalid,
    );
    expect(verifyJwt(forge({ alg: 'HS256' }, { ...claims, nbf: NOW }), key, NOW).sub).toBe('42');
    expect(() => verifyJwt(forge({ alg: 'HS256' }, 'claims'), key, NOW)).toThrow(JwtInvalid);
  });
});
