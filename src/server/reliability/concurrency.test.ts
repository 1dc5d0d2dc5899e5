import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../contracts/common/permissions.js';
import { SESSION_COOKIE, createSession } from '../platform/auth/sessions.js';
import { buildOrganization, startServer, type Client, type TestServer } from '../test/harness.js';

/*
 * 50 clients (separate sessions of five roles that may write) change the same few records at
 * once, each with the version it last read, re-reading and retrying on 409. Each change appends
 * the client's unique token to the notes and sets the city to it. Nothing may be lost: the
 * audit log of each record is a gap-free chain (each entry's before-state is the previous one's
 * after-state), one entry per acknowledged 200, and the final notes hold every acknowledged token.
 */
const CLIENTS = 50;
const RECORDS = 5;
const WRITERS: Role[] = ['administrator', 'head_of_department', 'specialist', 'press_officer', 'project_officer'];
// A client fails only when another client's change to the same record got in first, and each
// client changes a record once: CLIENTS / RECORDS attempts always suffice.
const MAX_ATTEMPTS = CLIENTS / RECORDS + 5;

type Writer = { client: Client; userId: string; role: Role };
type Ack = { record: string; token: string; userId: string; version: number; notes: string };
type Org = { id: string; version: number; notes: string; city: string | null };
type AuditRow = { action: string; actor_id: string; before: Org | null; after: Org | null };

let s: TestServer;
const writers: Writer[] = [];
beforeAll(async () => {
  s = await startServer();
  // Five users, ten sessions each: one signed in through the API, nine opened directly (the
  // same rows a sign-in writes, without hashing the password nine more times).
  for (const [i, role] of WRITERS.entries()) {
    const first = await s.as(role, { email: `writer${i}@concurrency.legato.local` });
    const userId = (await first.get('/api/auth/session')).body.user.id;
    writers.push({ client: first, userId, role });
    for (let n = 1; n < CLIENTS / WRITERS.length; n++) {
      const { cookie, csrfToken } = await createSession(s.database.db, userId, 1, { ip: '127.0.0.1' });
      const client = Object.assign(s.client(), { cookie: `${SESSION_COOKIE}=${cookie}`, csrf: csrfToken });
      writers.push({ client, userId, role });
    }
  }
});
afterAll(() => s?.close());

describe(`${CLIENTS} concurrent clients updating the same ${RECORDS} records`, () => {
  it('answers every change 200 or 409, never 500, and loses no acknowledged update', async () => {
    expect(new Set(writers.map((w) => w.client.cookie)).size).toBe(CLIENTS);
    for (const w of writers) expect((await w.client.get('/api/auth/session')).body.user.role).toBe(w.role);
    const admin = writers[0].client;
    const records: string[] = [];
    for (let r = 0; r < RECORDS; r++) {
      const res = await admin.post('/api/organizations', buildOrganization({ name: { original: 'en', values: { en: `Contended ${r}` } }, notes: 'start' }));
      expect(res.status).toBe(201);
      records.push(res.body.id);
    }

    const acks: Ack[] = [];
    const unexpected: string[] = [];
    const statuses = new Map<number, number>();
    const count = (status: number) => statuses.set(status, (statuses.get(status) ?? 0) + 1);
    // The attempts are bounded (MAX_ATTEMPTS); the time bound only guards against a stuck server.
    const deadline = Date.now() + 120_000;
    const read = async (c: Client, id: string): Promise<Org | null> => {
      const res = await c.get(`/api/organizations/${id}`);
      count(res.status);
      if (res.status === 200) return res.body;
      unexpected.push(`GET ${res.status} ${res.text}`);
      return null;
    };

    // Everyone reads first, then all change at once.
    const firstReads = await Promise.all(writers.map((w, k) => read(w.client, records[k % RECORDS])));
    await Promise.all(
      writers.map(async ({ client, userId }, k) => {
        const id = records[k % RECORDS];
        const token = `t${String(k).padStart(2, '0')}`;
        let current = firstReads[k];
        for (let attempt = 0; current && attempt < MAX_ATTEMPTS && Date.now() < deadline; attempt++) {
          const res = await client.patch(`/api/organizations/${id}`, { version: current.version, notes: `${current.notes} ${token}`, city: token });
          count(res.status);
          if (res.status === 200) {
            acks.push({ record: id, token, userId, version: res.body.version, notes: res.body.notes });
            return;
          }
          if (res.status !== 409 || res.body.code !== 'version_conflict' || !(res.body.current.version > current.version)) {
            unexpected.push(`PATCH ${res.status} ${res.text}`);
            return;
          }
          current = await read(client, id);
        }
      }),
    );

    expect(unexpected).toEqual([]);
    expect([...statuses.keys()].sort()).toEqual([200, 409]);
    // Every client got its change in, within the bound.
    expect(Date.now() < deadline, 'the time bound ran out').toBe(true);
    expect(acks.length).toBe(CLIENTS);
    console.info(`[concurrency] ${s.kind}: ${CLIENTS} clients, ${acks.length} changes acknowledged (200), ${statuses.get(409)} answered 409`);

    for (const id of records) {
      const mine = acks.filter((a) => a.record === id).sort((a, b) => a.version - b.version);
      const final = (await admin.get(`/api/organizations/${id}`)).body as Org;
      // One version per acknowledged change, no gap, no duplicate.
      expect(mine.map((a) => a.version)).toEqual(Array.from({ length: mine.length }, (_, i) => i + 2));
      expect(final.version).toBe(mine.length + 1);
      // The last acknowledged change is the final state, and it holds every earlier one.
      expect(final.city).toBe(mine.at(-1)!.token);
      expect(final.notes).toBe(mine.at(-1)!.notes);
      expect(final.notes.split(' ').sort()).toEqual(['start', ...mine.map((a) => a.token)].sort());

      const { rows } = await s.database.query<AuditRow>(
        `SELECT action, actor_id, before, after FROM audit_log WHERE entity_type = 'organization' AND entity_id = $1 ORDER BY id`,
        [id],
      );
      expect(rows.map((r) => r.action)).toEqual(['create', ...mine.map(() => 'update')]);
      for (let v = 1; v < rows.length; v++) {
        // The chain: each change started from the state the previous one left.
        expect(rows[v].before).toEqual(rows[v - 1].after);
        const ack = mine[v - 1];
        expect({ actor: rows[v].actor_id, notes: rows[v].after!.notes, city: rows[v].after!.city }).toEqual({ actor: ack.userId, notes: ack.notes, city: ack.token });
      }
      // Each acknowledged token was added by exactly one entry.
      for (const ack of mine) {
        const adding = rows.filter((r) => r.after?.notes.split(' ').includes(ack.token) && !r.before?.notes.split(' ').includes(ack.token));
        expect(adding).toHaveLength(1);
      }
    }
  }, 180_000);
});
