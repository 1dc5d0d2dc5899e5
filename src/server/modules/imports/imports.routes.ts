import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParamsSchema } from '../../../contracts/common/paging.js';
import { PROBLEM_MESSAGES } from '../../../contracts/common/problems.js';
import { ImportResultSchema, ImportRunBodySchema, ImportTargetSchema, ImportUploadSchema } from '../../../contracts/imports.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { runImport, uploadImport } from './imports.service.js';

export const importsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['imports'];
  app.post('/api/imports', {
    config: { access: 'directory.import' },
    schema: {
      tags,
      summary: 'Upload a CSV or XLSX file to import (multipart: field `target`, then `file`); answers with columns, a preview and a suggested mapping',
      consumes: ['multipart/form-data'],
      response: { 201: ImportUploadSchema },
    },
    handler: async (req, reply) => {
      if (!req.isMultipart()) throw new AppError('unsupported_media_type');
      let target: string | undefined;
      let file: { name: string; data: Buffer } | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field' && part.fieldname === 'target') target = String(part.value);
          else if (part.type === 'file' && part.fieldname === 'file') {
            const data = await part.toBuffer();
            if (part.file.truncated) throw new AppError('payload_too_large');
            file = { name: part.filename || 'upload.csv', data };
          }
        }
      } catch (err) {
        // The multipart parser's own errors (no boundary, a body cut short, a malformed part
        // header) carry no status: they are the client's, not the server's.
        if (err instanceof AppError || (err as { statusCode?: number }).statusCode) throw err;
        throw new AppError('bad_request', { detail: `${PROBLEM_MESSAGES.bad_request[req.locale]} (${(err as Error).message})` });
      }
      const parsedTarget = ImportTargetSchema.safeParse(target);
      if (!parsedTarget.success) throw new AppError('validation', { fields: [{ path: 'target', reason: 'invalid_choice' }] });
      if (!file || file.data.length === 0) throw new AppError('validation', { fields: [{ path: 'file', reason: 'required' }] });
      const upload = await uploadImport(ctx.db, ctx.files, actorOf(req), parsedTarget.data, file.name, file.data);
      return reply.code(201).send(upload);
    },
  });
  app.post('/api/imports/:id/run', {
    config: { access: 'directory.import' },
    schema: { tags, summary: 'Check (dryRun) or import the rows with a column mapping; bad rows are reported, good rows imported together', params: IdParamsSchema, body: ImportRunBodySchema, response: { 200: ImportResultSchema } },
    handler: (req) => runImport(ctx.db, ctx.files, actorOf(req), req.params.id, req.body.mapping, req.body.dryRun, req.locale),
  });
};
