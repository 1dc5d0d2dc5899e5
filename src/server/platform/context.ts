import type { Config } from '../config.js';
import type { Database, Db } from '../db/client.js';
import type { FileStore } from './files.js';

/** What every service needs: handed to route plugins, never read from globals. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  files: FileStore;
};
