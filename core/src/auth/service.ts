import { createHash, createSecretKey, randomBytes } from 'node:crypto';
import {
  createAuthSession,
  createAuthSessions,
  type Database,
  findAuthSessionByRefreshHash,
  findAuthSessionWithUser,
  listActiveAuthSessions,
  revokeAllAuthSessions,
  revokeAuthSession,
  rotateAuthSession,
  type User,
} from '@mechta/db';
import { AppError } from '../errors.ts';
import type { Cache } from '../platform/cache.ts';
import { JwtExpired, signJwt, verifyJwt } from './jwt.ts';

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

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const hash = (token: string) => createHash('sha256').update(token).digest('base64url');
const newRefreshToken = () => randomBytes(32).toString('base64url');

/** An open session is remembered this long, so most requests skip the session lookup. */
const SESSION_CACHE_SECONDS = 60;

/**
 * API sessions: a short-lived JWT access token plus an opaque refresh token stored hashed and
 * rotated on every use, so a refresh token works exactly once.
 */
export function createAuthService(deps: {
  db: Database;
  jwtSecret: string;
  cache?: Cache;
  /** Handed the user row the session lookup reads with it, so the request's user lookup finds it cached. */
  users?: { prime(user: User): Promise<void> | undefined };
  now?: () => Date;
}) {
  const { db, cache } = deps;
  const sessionKey = (id: string) => `auth-session:${id}`;
  const forgetSession = (id: string) => cache?.del(sessionKey(id));
  const key = createSecretKey(Buffer.from(deps.jwtSecret));
  const now = deps.now ?? (() => new Date());
  const nowSeconds = () => Math.floor(now().getTime() / 1000);

  function accessToken(userId: number, sessionId: string): string {
    const iat = nowSeconds();
    return signJwt({ sid: sessionId, sub: String(userId), iat, exp: iat + ACCESS_TOKEN_TTL_SECONDS }, key);
  }

  function tokens(userId: number, sessionId: string, refresh: string): AuthTokens {
    return {
      access_token: accessToken(userId, sessionId),
      refresh_token: refresh,
      token_type: 'Bearer',
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      session_id: sessionId,
    };
  }

  /** The token's subject and session, from its signature. */
  function checkSignature(token: string): { sub?: unknown; sid?: unknown } {
    try {
      return verifyJwt(token, key, nowSeconds());
    } catch (err) {
      if (err instanceof JwtExpired) throw new AppError('TOKEN_EXPIRED', 'access token expired');
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

    /** Signs in many users at once, one statement for all their sessions (bulk provisioning). */
    async signInMany(userIds: number[], userAgent: string | null): Promise<Map<number, AuthTokens>> {
      const refresh = new Map(userIds.map((id) => [id, newRefreshToken()]));
      const sessions = await createAuthSessions(
        db,
        [...refresh].map(([userId, token]) => ({ userId, refreshHash: hash(token) })),
        userAgent?.slice(0, 300) ?? null,
        refreshExpiry(),
      );
      return new Map(sessions.map((s) => [s.userId, tokens(s.userId, s.id, refresh.get(s.userId)!)]));
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
      const { sub, sid } = checkSignature(token);
      if (typeof sub !== 'string' || !sub || typeof sid !== 'string') {
        throw new AppError('UNAUTHORIZED', 'access token is not valid');
      }
      // Logout evicts this entry, so a cached "open" never outlives the session.
      const cachedOwner = await cache?.get(sessionKey(sid));
      if (cachedOwner !== undefined && cachedOwner !== null) {
        if (cachedOwner !== sub) throw new AppError('UNAUTHORIZED', 'session has ended');
        return { userId: Number(sub), sessionId: sid };
      }
      // A malformed id would make PostgreSQL refuse the uuid; no session has one.
      const found = UUID_RE.test(sid) ? await findAuthSessionWithUser(db, sid) : undefined;
      if (!found || found.sessionRevokedAt || found.id !== Number(sub)) {
        throw new AppError('UNAUTHORIZED', 'session has ended');
      }
      const { sessionRevokedAt: _, ...user } = found;
      await Promise.all([cache?.set(sessionKey(sid), sub, SESSION_CACHE_SECONDS), deps.users?.prime(user)]);
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
