import { and, asc, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import type { Page } from '../../../contracts/common/paging.js';
import type { Colleague, User, UserCreate, UserUpdate } from '../../../contracts/users.js';
import type { UiLocale } from '../../../contracts/common/languages.js';
import type { Role } from '../../../contracts/common/permissions.js';
import type { Db, Executor } from '../../db/client.js';
import { recordAudit, type Actor } from '../../platform/audit/audit.service.js';
import { AppError, fieldError } from '../../platform/errors.js';
import { hashPassword } from '../../platform/auth/passwords.js';
import { revokeUserSessions } from '../../platform/auth/sessions.js';
import { users } from './users.table.js';

type Row = typeof users.$inferSelect;

export function toUser(row: Row): User {
  return {
    id: row.id,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: null,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    locale: row.locale as UiLocale,
    active: row.active,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
  };
}

const snapshot = (u: User) => ({ name: u.name, email: u.email, role: u.role, locale: u.locale, active: u.active });

export async function findUserByEmail(db: Executor, email: string): Promise<Row | undefined> {
  const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
  return row;
}

export async function countUsers(db: Executor): Promise<number> {
  const [{ n }] = await db.select({ n: count() }).from(users);
  return Number(n);
}

export async function insertUser(tx: Executor, actor: Actor | null, input: UserCreate & { locale: UiLocale }): Promise<User> {
  if (await findUserByEmail(tx, input.email)) throw fieldError('email', 'duplicate_email');
  const [row] = await tx
    .insert(users)
    .values({
      name: input.name,
      email: input.email.trim(),
      role: input.role,
      locale: input.locale,
      passwordHash: await hashPassword(input.password),
      updatedBy: actor?.id ?? null,
    })
    .returning();
  const user = toUser(row);
  await recordAudit(tx, actor ?? { id: row.id, name: row.name, role: row.role }, {
    action: 'create',
    entityType: 'user',
    entityId: row.id,
    summary: row.email,
    after: snapshot(user),
  });
  return user;
}

export async function listUsers(db: Db, q: { page: number; pageSize: number; sort?: string; order: 'asc' | 'desc'; q?: string }): Promise<Page<User>> {
  const cond = q.q ? or(ilike(users.name, `%${q.q}%`), ilike(users.email, `%${q.q}%`)) : undefined;
  const col = q.sort === 'email' ? users.email : q.sort === 'role' ? users.role : q.sort === 'lastLoginAt' ? users.lastLoginAt : users.name;
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(cond)
      .orderBy(q.order === 'desc' ? desc(col) : asc(col), asc(users.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ total: count() }).from(users).where(cond),
  ]);
  return { items: rows.map(toUser), total: Number(total), page: q.page, pageSize: q.pageSize };
}

/** Every active account by name: a few dozen in an office, so one answer without paging. */
export async function listColleagues(db: Db): Promise<{ items: Colleague[] }> {
  const rows = await db
    .select({ id: users.id, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.active, true))
    .orderBy(asc(users.name), asc(users.id));
  return { items: rows.map((r) => ({ id: r.id, name: r.name, role: r.role as Role })) };
}

export async function getUser(db: Executor, id: string): Promise<User> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!row) throw new AppError('not_found');
  return toUser(row);
}

async function versionConflict(db: Executor, id: string): Promise<AppError> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
  if (!row) return new AppError('not_found');
  const by = row.updatedBy ? await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.id, row.updatedBy)) : [];
  return new AppError('version_conflict', {
    current: { version: row.version, updatedAt: row.updatedAt.toISOString(), updatedBy: by[0] ?? null },
  });
}

export async function updateUser(db: Db, actor: Actor, id: string, input: UserUpdate): Promise<User> {
  return db.transaction(async (tx) => {
    const before = await getUser(tx, id);
    if (input.email && input.email.toLowerCase() !== before.email.toLowerCase()) {
      const other = await findUserByEmail(tx, input.email);
      if (other && other.id !== id) throw fieldError('email', 'duplicate_email');
    }
    if (id === actor.id && ((input.role && input.role !== before.role) || input.active === false)) {
      // An administrator cannot lock themselves out.
      throw fieldError(input.active === false ? 'active' : 'role', 'invalid');
    }
    const [row] = await tx
      .update(users)
      .set({
        ...(input.name !== undefined && { name: input.name }),
        ...(input.email !== undefined && { email: input.email }),
        ...(input.role !== undefined && { role: input.role }),
        ...(input.locale !== undefined && { locale: input.locale }),
        ...(input.active !== undefined && { active: input.active }),
        ...(input.password !== undefined && { passwordHash: await hashPassword(input.password) }),
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
        updatedBy: actor.id,
      })
      .where(and(eq(users.id, id), eq(users.version, input.version)))
      .returning();
    if (!row) throw await versionConflict(tx, id);
    if (input.password !== undefined || input.active === false) await revokeUserSessions(tx, id);
    const after = toUser(row);
    await recordAudit(tx, actor, {
      action: 'update',
      entityType: 'user',
      entityId: id,
      summary: after.email + (input.password ? ' (password reset)' : ''),
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  });
}
