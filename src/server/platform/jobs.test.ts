import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sessions } from './auth/auth.table.js';
import { HOUSEKEEPING, startJobs, type Jobs } from './jobs.js';
import { startServer, type TestServer } from '../test/harness.js';

let s: TestServer;
let jobs: Jobs;
beforeAll(async () => {
  s = await startServer();
  jobs = await startJobs(s.app.ctx);
});
afterAll(async () => {
  await jobs.stop();
  await s.close();
});

it('runs housekeeping through pg-boss in the database: expired sessions are removed, live ones kept', async () => {
  const live = await s.as('viewer');
  const expired = await s.as('viewer');
  await s.database.db.execute(sql`UPDATE sessions SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM users WHERE email LIKE 'viewer.2@%')`);
  const id = await jobs.boss.send(HOUSEKEEPING, {});
  expect(id).toBeTruthy();
  let remaining = -1;
  for (let i = 0; i < 60; i++) {
    const job = await jobs.boss.getJobById(HOUSEKEEPING, id!);
    if (job?.state === 'completed') break;
    await new Promise((r) => setTimeout(r, 250));
  }
  remaining = (await s.database.db.select().from(sessions)).length;
  expect(remaining).toBe(1);
  expect((await live.get('/api/auth/session')).status).toBe(200);
  expect((await expired.get('/api/auth/session')).status).toBe(401);
});
