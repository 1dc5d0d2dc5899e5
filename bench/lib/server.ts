/**
 * The real HTTP server on a benchmark database, and a signed-in administrator.
 */
import { buildApp, type App } from '../../src/server/app.js';
import { loadConfig } from '../../src/server/config.js';
import type { Database } from '../../src/server/db/client.js';
import { insertUser } from '../../src/server/modules/users/users.service.js';
import { Client } from '../../src/server/test/harness.js';
import { deferCleanup } from './cleanup.js';

export const BENCH_PASSWORD = 'bench-administrator-2026';

/** Creates users through the users service (as the app does); returns their ids. */
export async function createUsers(database: Database, users: { name: string; email: string; role: 'administrator' | 'specialist' }[]) {
  const ids: string[] = [];
  for (const u of users) {
    const user = await database.db.transaction((tx) => insertUser(tx, null, { ...u, locale: 'en', password: BENCH_PASSWORD }));
    ids.push(user.id);
  }
  return ids;
}

export type BenchServer = { app: App; url: string; close: () => Promise<void> };

export async function startBenchServer(database: Database, dataDir: string): Promise<BenchServer> {
  const config = loadConfig(
    { LEGATO_DATA_DIR: dataDir, LOG_LEVEL: 'silent', LEGATO_JOBS: '0', LEGATO_LOGIN_LIMIT: '1000', LEGATO_WRITE_LIMIT: '100000' },
    [],
  );
  const app = await buildApp(config, { database, logger: false });
  const close = deferCleanup('close server', async () => {
    const closing = app.close();
    // Do not wait for keep-alive sockets or a request cut short by Ctrl-C.
    app.server.closeAllConnections();
    await closing;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { app, url: `http://127.0.0.1:${port}`, close };
}

export async function signIn(url: string, email: string): Promise<Client> {
  const client = new Client(url, 'en');
  await client.login(email, BENCH_PASSWORD);
  return client;
}
