import { eq, sql } from 'drizzle-orm';
import type { Me } from '../../../contracts/auth.js';
import { isUiLocale, type UiLocale } from '../../../contracts/common/languages.js';
import { permissionsOf, type Role } from '../../../contracts/common/permissions.js';
import type { Db, Executor } from '../../db/client.js';
import { users } from '../../modules/users/users.table.js';
import { countUsers, findUserByEmail, insertUser } from '../../modules/users/users.service.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { AppError, fieldError } from '../errors.js';
import { settings } from './auth.table.js';
import { dummyHash, hashPassword, verifyPassword } from './passwords.js';
import { createSession, revokeUserSessions, type SessionUser } from './sessions.js';

export function toMe(u: SessionUser): Me {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role as Role,
    locale: (isUiLocale(u.locale) ? u.locale : 'en') as UiLocale,
    permissions: permissionsOf(u.role as Role),
  };
}

export async function needsSetup(db: Executor): Promise<boolean> {
  const [done] = await db.select().from(settings).where(eq(settings.key, 'setup_done')).limit(1);
  return !done && (await countUsers(db)) === 0;
}

/** Creates the first administrator, once. Concurrent attempts: exactly one wins. */
export async function createFirstAdministrator(
  db: Db,
  input: { name: string; email: string; password: string; locale: UiLocale },
): Promise<SessionUser> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(settings)
      .values({ key: 'setup_done', value: new Date().toISOString() })
      .onConflictDoNothing()
      .returning();
    if (claimed.length === 0 || (await countUsers(tx)) > 0) throw new AppError('already_set_up');
    const user = await insertUser(tx, null, { ...input, role: 'administrator' });
    await recordAudit(tx, { id: user.id, name: user.name, role: user.role }, { action: 'setup', entityType: 'user', entityId: user.id, summary: user.email });
    return { id: user.id, name: user.name, email: user.email, role: user.role, locale: user.locale };
  });
}

export async function login(
  db: Db,
  email: string,
  password: string,
  hours: number,
  meta: { userAgent?: string; ip?: string },
): Promise<{ cookie: string; csrfToken: string; user: SessionUser }> {
  const row = await findUserByEmail(db, email);
  if (!row || !row.active) {
    await verifyPassword(await dummyHash(), password);
    throw new AppError('invalid_credentials');
  }
  if (!(await verifyPassword(row.passwordHash, password))) throw new AppError('invalid_credentials');
  return db.transaction(async (tx) => {
    const session = await createSession(tx, row.id, hours, meta);
    await tx.update(users).set({ lastLoginAt: sql`now()` }).where(eq(users.id, row.id));
    await recordAudit(tx, { id: row.id, name: row.name, role: row.role }, { action: 'login', entityType: 'user', entityId: row.id, summary: meta.ip ?? null });
    return { ...session, user: { id: row.id, name: row.name, email: row.email, role: row.role, locale: row.locale } };
  });
}

export async function changePassword(db: Db, actor: Actor, sessionId: string, current: string, next: string): Promise<void> {
  const [row] = await db.select().from(users).where(eq(users.id, actor.id)).limit(1);
  if (!row) throw new AppError('unauthenticated');
  if (!(await verifyPassword(row.passwordHash, current))) throw fieldError('currentPassword', 'wrong_password');
  const hashed = await hashPassword(next);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: hashed, version: sql`${users.version} + 1`, updatedAt: new Date(), updatedBy: actor.id })
      .where(eq(users.id, actor.id));
    await revokeUserSessions(tx, actor.id, sessionId);
    await recordAudit(tx, actor, { action: 'password_change', entityType: 'user', entityId: actor.id });
  });
}

export async function updateMe(db: Db, actor: Actor, input: { locale?: UiLocale; name?: string }): Promise<void> {
  if (input.locale === undefined && input.name === undefined) return;
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, actor.id));
    await tx
      .update(users)
      .set({ ...(input.locale && { locale: input.locale }), ...(input.name && { name: input.name }), updatedAt: new Date(), version: sql`${users.version} + 1` })
      .where(eq(users.id, actor.id));
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: actor.id,
      summary: before?.email,
      before: { locale: before?.locale, name: before?.name },
      after: { locale: input.locale ?? before?.locale, name: input.name ?? before?.name },
    });
  });
}

/** LEGATO_ADMIN_EMAIL / LEGATO_ADMIN_PASSWORD: create the first administrator without the browser. */
export async function ensureConfiguredAdministrator(db: Db, admin: { email: string; password: string; name: string } | null): Promise<boolean> {
  if (!admin || !(await needsSetup(db))) return false;
  try {
    await createFirstAdministrator(db, { ...admin, locale: 'en' });
    return true;
  } catch (err) {
    if (err instanceof AppError && err.code === 'already_set_up') return false;
    throw err;
  }
}
