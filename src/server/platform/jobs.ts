import PgBoss from 'pg-boss';
import { sql } from 'drizzle-orm';
import type { AppContext } from './context.js';
import { deleteExpiredSessions } from './auth/sessions.js';

/**
 * Background jobs through pg-boss, kept in the same database (PGlite or PostgreSQL): a job is
 * taken by exactly one app instance, and survives restarts.
 */
export type Jobs = { boss: PgBoss; stop: () => Promise<void> };

export const HOUSEKEEPING = 'housekeeping';

export async function housekeeping(ctx: AppContext): Promise<{ sessions: number }> {
  const sessions = await deleteExpiredSessions(ctx.db);
  await ctx.db.execute(sql`DELETE FROM rate_limits WHERE reset_at < now() - interval '1 hour'`);
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
  await boss.start();
  await boss.createQueue(HOUSEKEEPING);
  await boss.work(HOUSEKEEPING, async () => {
    await housekeeping(ctx);
  });
  await boss.schedule(HOUSEKEEPING, '17 * * * *'); // hourly
  return { boss, stop: () => boss.stop({ graceful: true, wait: true, timeout: 5000 }) };
}
