import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditPageSchema, AuditQuerySchema } from '../../../contracts/audit.js';
import type { AppContext } from '../context.js';
import { listAudit } from './audit.service.js';

export const auditRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  app.get('/api/audit', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], summary: 'The whole audit log, newest first', querystring: AuditQuerySchema, response: { 200: AuditPageSchema } },
    handler: (req) => listAudit(ctx.db, req.query),
  });
};
