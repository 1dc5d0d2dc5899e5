import PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { AppContext } from './context.js';
import { deleteExpiredSessions } from './auth/sessions.js';

/**
 * Background jobs through pg-boss, kept in the same database (PGlite or PostgreSQL): a job is
 * taken by exactly one app instance, and survives restarts.
 */
export type Jobs = {
  boss: PgBoss;
  /** Creates a queue (if missing); use this rather than boss.createQueue (see below). */
  createQueue: (name: string) => Promise<void>;
  stop: () => Promise<void>;
};

/*
 * pg-boss's first start (installing its schema) and createQueue are not safe to run at the same
 * moment from two instances on PostgreSQL: the first fails with a duplicate key (its CREATE
 * SCHEMA IF NOT EXISTS runs on a stale catalog after waiting for pg-boss's own lock), the second
 * with a deadlock. Instances take turns under one lock.
 */
const JOBS_LOCK = 'legato:jobs';

export const HOUSEKEEPING = 'housekeeping';

export async function housekeeping(ctx: AppContext): Promise<{ sessions: number }> {
  const sessions = await deleteExpiredSessions(ctx.db);
  await ctx.db.execute(sql`DELETE FROM rate_limits WHERE reset_at < now() - interval '1 hour'`);
  // PGlite has no autovacuum: without this its planner never gets statistics.
  if (ctx.database.kind === 'pglite') await ctx.db.execute(sql`ANALYZE`);
  return { sessions };
}

export async function startJobs(ctx: AppContext): Promise<Jobs> {
  const { database } = ctx;
  const boss = new PgBoss({
    db: {
      executeSql: (text: string, values: unknown[]) => database.query(text, values?.length ? values : undefined),
    },
    schema: 'pgboss',
    supervise: true,
    schedule: true,
    migrate: true,
  });
  boss.on('error', (err) => console.error('[jobs]', err));
  const createQueue = (name: string) => database.exclusive(JOBS_LOCK, () => boss.createQueue(name));
  await database.exclusive(JOBS_LOCK, () => boss.start());
  await createQueue(HOUSEKEEPING);
  await boss.work(HOUSEKEEPING, async () => {
    await housekeeping(ctx);
  });
  await boss.schedule(HOUSEKEEPING, '17 * * * *'); // hourly
  return { boss, createQueue, stop: () => boss.stop({ graceful: true, wait: true, timeout: 5000 }) };
}
