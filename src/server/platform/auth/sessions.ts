import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';
import { users } from '../../modules/users/users.table.js';
import { sessions } from './auth.table.js';

export const SESSION_COOKIE = 'legato_session';

export type SessionUser = {
  id: string;
  name: string;
  email: string;
  role: string;
  locale: string;
};
export type SessionInfo = { id: string; csrfToken: string; user: SessionUser };

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const token = () => randomBytes(32).toString('base64url');

export async function createSession(
  db: Executor,
  userId: string,
  hours: number,
  meta: { userAgent?: string; ip?: string },
): Promise<{ cookie: string; csrfToken: string }> {
  const cookie = token();
  const csrfToken = token();
  await db.insert(sessions).values({
    id: sha256(cookie),
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + hours * 3600_000),
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    ip: meta.ip ?? null,
  });
  return { cookie, csrfToken };
}

/** Finds a live session by its cookie value, extending it (sliding expiry) at most once a minute. */
export async function findSession(db: Db, cookie: string, hours: number): Promise<SessionInfo | null> {
  const id = sha256(cookie);
  const [row] = await db
    .select({
      id: sessions.id,
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      user: { id: users.id, name: users.name, email: users.email, role: users.role, locale: users.locale },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`), eq(users.active, true)))
    .limit(1);
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > 60_000) {
    await db
      .update(sessions)
      .set({ lastSeenAt: new Date(), expiresAt: new Date(Date.now() + hours * 3600_000) })
      .where(eq(sessions.id, id));
  }
  return { id: row.id, csrfToken: row.csrfToken, user: row.user };
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** Revokes every session of a user, except (optionally) the one making the request. */
export async function revokeUserSessions(db: Executor, userId: string, exceptSessionId?: string): Promise<void> {
  await db
    .delete(sessions)
    .where(exceptSessionId ? and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId)) : eq(sessions.userId, userId));
}

export async function deleteExpiredSessions(db: Executor): Promise<number> {
  const gone = await db.delete(sessions).where(lt(sessions.expiresAt, sql`now()`)).returning({ id: sessions.id });
  return gone.length;
}
