import { createHmac, type KeyObject, timingSafeEqual } from 'node:crypto';

/**
 * HS256 JSON Web Tokens over node:crypto, synchronous. jose 6 signs through WebCrypto, whose every
 * call is a hop to the libuv thread pool (tens of microseconds and a queue shared with DNS and file
 * I/O); an HMAC-SHA256 of a 200-byte token takes a few microseconds here. Only what our own access
 * tokens need: the header must say HS256, the signature must match (compared in constant time),
 * `exp` must be a number in the future, `nbf` when present must have passed.
 */

/** Claims of an access token as we sign them. */
export interface JwtClaims {
  sub: string;
  sid: string;
  iat: number;
  exp: number;
}

export class JwtInvalid extends Error {}
export class JwtExpired extends Error {}

// The header of every token we sign, encoded once.
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256' })).toString('base64url');

const mac = (key: KeyObject, input: string) => createHmac('sha256', key).update(input).digest();

/** Signs the claims with HS256. */
export function signJwt(claims: JwtClaims, key: KeyObject): string {
  const input = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
  return `${input}.${mac(key, input).toString('base64url')}`;
}

/** The token's claims once its header, signature and times check out; throws JwtInvalid or JwtExpired. */
export function verifyJwt(token: string, key: KeyObject, nowSeconds: number): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 3) throw new JwtInvalid('not a compact JWS');
  const [header, payload, signature] = parts as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = mac(key, `${header}.${payload}`);
  // Lengths first: timingSafeEqual throws on unequal lengths, and the length of a MAC is public.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new JwtInvalid('signature does not match');
  }
  // The header is read even though it is signed: a token must say which algorithm made it, and
  // only HS256 is ours ("none" and the asymmetric ones are refused whatever the signature).
  const head = parseJson(header);
  if (head.alg !== 'HS256' || head.crit !== undefined) throw new JwtInvalid('unexpected header');
  const claims = parseJson(payload);
  if (typeof claims.exp !== 'number' || !Number.isFinite(claims.exp)) throw new JwtInvalid('no expiry');
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > nowSeconds)) {
    throw new JwtInvalid('not valid yet');
  }
  if (claims.exp <= nowSeconds) throw new JwtExpired('expired');
  return claims;
}

function parseJson(part: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    throw new JwtInvalid('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new JwtInvalid('not an object');
  return value as Record<string, unknown>;
}
