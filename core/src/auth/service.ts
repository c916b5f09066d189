import { createHash, createSecretKey, randomBytes } from 'node:crypto';
import {
  createAuthSession,
  type Database,
  findAuthSession,
  findAuthSessionByRefreshHash,
  listActiveAuthSessions,
  revokeAllAuthSessions,
  revokeAuthSession,
  rotateAuthSession,
} from '@mechta/db';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { AppError } from '../errors.ts';
import type { Cache } from '../platform/cache.ts';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 86400;

export interface AuthTokens {
  access_token: string;
  refresh_token: string;
  token_type: 'Bearer';
  expires_in: number;
  session_id: string;
}

export interface AccessClaims {
  userId: number;
  sessionId: string;
}

const hash = (token: string) => createHash('sha256').update(token).digest('base64url');
const newRefreshToken = () => randomBytes(32).toString('base64url');

/**
 * API sessions: a short-lived JWT access token plus an opaque refresh token stored hashed and
 * rotated on every use, so a refresh token works exactly once.
 */
/** How many verified access tokens are remembered (oldest forgotten first). */
const VERIFIED_TOKENS_LIMIT = 20_000;

/** An open session is remembered this long, so most requests skip the session lookup. */
const SESSION_CACHE_SECONDS = 60;

export function createAuthService(deps: {
  db: Database;
  jwtSecret: string;
  cache?: Cache;
  now?: () => Date;
}) {
  const { db, cache } = deps;
  const sessionKey = (id: string) => `auth-session:${id}`;
  const forgetSession = (id: string) => cache?.del(sessionKey(id));
  // A KeyObject made once: handing jose raw bytes makes it import the key on every call.
  const key = createSecretKey(Buffer.from(deps.jwtSecret));
  // Signature checks are the costliest step of an authenticated request; a token already verified
  // needs only its expiry re-checked (the session itself is checked on every request below).
  const verified = new Map<string, { sub: string; sid: string; exp: number }>();
  const now = deps.now ?? (() => new Date());

  async function accessToken(userId: number, sessionId: string): Promise<string> {
    const iat = Math.floor(now().getTime() / 1000);
    return new SignJWT({ sid: sessionId })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(String(userId))
      .setIssuedAt(iat)
      .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
      .sign(key);
  }

  async function tokens(userId: number, sessionId: string, refresh: string): Promise<AuthTokens> {
    return {
      access_token: await accessToken(userId, sessionId),
      refresh_token: refresh,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      session_id: sessionId,
    };
  }

  /** The token's subject and session, from its signature (or from memory for a token seen before). */
  async function checkSignature(token: string): Promise<{ sub?: string; sid?: unknown }> {
    const known = verified.get(token);
    if (known && known.exp * 1000 > now().getTime()) return known;
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], currentDate: now() });
      if (payload.sub && typeof payload.sid === 'string' && payload.exp) {
        verified.set(token, { sub: payload.sub, sid: payload.sid, exp: payload.exp });
        if (verified.size > VERIFIED_TOKENS_LIMIT) verified.delete(verified.keys().next().value as string);
      }
      return { sub: payload.sub, sid: payload.sid };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) throw new AppError('TOKEN_EXPIRED', 'access token expired');
      throw new AppError('UNAUTHORIZED', 'access token is not valid');
    }
  }

  const refreshExpiry = () => new Date(now().getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000);

  return {
    async signIn(userId: number, userAgent: string | null): Promise<AuthTokens> {
      const refresh = newRefreshToken();
      const session = await createAuthSession(db, {
        userId,
        refreshHash: hash(refresh),
        userAgent: userAgent?.slice(0, 300) ?? null,
        expiresAt: refreshExpiry(),
      });
      return tokens(userId, session.id, refresh);
    },

    /** Exchanges a refresh token for a new pair; the presented token is dead afterwards. */
    async refresh(refreshToken: string): Promise<AuthTokens> {
      const current = await findAuthSessionByRefreshHash(db, hash(refreshToken));
      if (!current || current.revokedAt || current.expiresAt <= now()) {
        throw new AppError('UNAUTHORIZED', 'refresh token is not valid');
      }
      const next = newRefreshToken();
      const rotated = await rotateAuthSession(
        db,
        current.id,
        current.refreshHash,
        hash(next),
        refreshExpiry(),
      );
      if (!rotated) throw new AppError('UNAUTHORIZED', 'refresh token is not valid');
      return tokens(rotated.userId, rotated.id, next);
    },

    /** Verifies an access token and that its session is still open (logout takes effect at once). */
    async verify(token: string): Promise<AccessClaims> {
      const { sub, sid } = await checkSignature(token);
      if (!sub || typeof sid !== 'string') throw new AppError('UNAUTHORIZED', 'access token is not valid');
      // Logout evicts this entry, so a cached "open" never outlives the session.
      const cachedOwner = await cache?.get(sessionKey(sid));
      if (cachedOwner !== undefined && cachedOwner !== null) {
        if (cachedOwner !== sub) throw new AppError('UNAUTHORIZED', 'session has ended');
        return { userId: Number(sub), sessionId: sid };
      }
      const session = await findAuthSession(db, sid);
      if (!session || session.revokedAt || session.userId !== Number(sub)) {
        throw new AppError('UNAUTHORIZED', 'session has ended');
      }
      await cache?.set(sessionKey(sid), sub, SESSION_CACHE_SECONDS);
      return { userId: Number(sub), sessionId: sid };
    },

    async listSessions(userId: number, currentSessionId?: string) {
      const sessions = await listActiveAuthSessions(db, userId);
      return sessions.map((s) => ({
        id: s.id,
        user_agent: s.userAgent,
        created_at: s.createdAt.toISOString(),
        last_used_at: s.lastUsedAt.toISOString(),
        expires_at: s.expiresAt.toISOString(),
        current: s.id === currentSessionId,
      }));
    },

    async logout(sessionId: string): Promise<void> {
      await revokeAuthSession(db, sessionId);
      await forgetSession(sessionId);
    },

    async logoutEverywhere(userId: number): Promise<number> {
      const open = await listActiveAuthSessions(db, userId);
      const ended = await revokeAllAuthSessions(db, userId);
      await Promise.all(open.map((s) => forgetSession(s.id)));
      return ended;
    },
  };
}

export type AuthService = ReturnType<typeof createAuthService>;
