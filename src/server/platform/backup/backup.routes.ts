import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { writeBackup } from './backup.service.js';

/** `backupToken`: the local token of LEGATO_DATA_DIR/.control, accepted instead of an administrator's session. */
export const backupRoutes =
  (ctx: AppContext, backupToken: string | null): FastifyPluginAsyncZod =>
  async (app) => {
    app.get('/api/backup', {
      config: { access: 'system.backup', backupToken },
      schema: {
        tags: ['platform'],
        summary: 'Download a consistent backup of the whole database and file store (legato-backup-YYYY-MM-DD.jsonl.gz; restore with npm run restore)',
        produces: ['application/gzip'],
      },
      handler: async (req, reply) => {
        // Written to a local file first: the snapshot is read at disk speed (on PGlite the other
        // requests wait meanwhile), then sent at whatever speed the client reads.
        await fsp.mkdir(ctx.config.dataDir, { recursive: true });
        const tmp = path.join(ctx.config.dataDir, `.backup-${randomUUID()}.tmp`);
        let file: fsp.FileHandle;
        try {
          const summary = await writeBackup(ctx.database, ctx.files, fs.createWriteStream(tmp));
          file = await fsp.open(tmp);
          req.log.info({ by: req.auth?.user.email ?? 'local backup token', counts: summary.counts, files: summary.files }, 'backup downloaded');
        } finally {
          await fsp.rm(tmp, { force: true }); // the open handle keeps the data until it is sent
        }
        const { size } = await file.stat();
        const stamp = new Date().toISOString().slice(0, 10);
        return reply
          .type('application/gzip')
          .header('content-disposition', `attachment; filename="legato-backup-${stamp}.jsonl.gz"`)
          .header('content-length', size)
          .header('cache-control', 'no-store')
          .send(file.createReadStream());
      },
    });
  };
