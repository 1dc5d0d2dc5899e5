import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditPageSchema } from '../../../contracts/audit.js';
import { IdParamsSchema, VersionSchema } from '../../../contracts/common/paging.js';
import {
  InteractionCreateSchema,
  InteractionListQuerySchema,
  InteractionPageSchema,
  InteractionSchema,
  InteractionUpdateSchema,
} from '../../../contracts/interactions.js';
import { listAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/actor.js';
import { ENTITY, createInteraction, deleteInteraction, getInteraction, listInteractions, updateInteraction } from './interactions.service.js';

export const interactionsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['interactions'];
  const { db } = ctx;
  app.get('/api/interactions', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'Timeline of interactions (of an organisation or a person), newest first', querystring: InteractionListQuerySchema, response: { 200: InteractionPageSchema } },
    handler: (req) => listInteractions(db, actorOf(req), req.query, req.locale),
  });
  app.post('/api/interactions', {
    config: { access: 'directory.write' },
    schema: { tags, summary: 'Record a meeting, letter, e-mail, call or visit', body: InteractionCreateSchema, response: { 201: InteractionSchema } },
    handler: async (req, reply) => reply.code(201).send(await createInteraction(db, actorOf(req), req.body, req.locale)),
  });
  app.get('/api/interactions/:id', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'One interaction', params: IdParamsSchema, response: { 200: InteractionSchema } },
    handler: (req) => getInteraction(db, actorOf(req), req.params.id, req.locale),
  });
  app.patch('/api/interactions/:id', {
    config: { access: 'directory.write' },
    schema: { tags, summary: 'Change an interaction (send the version you last saw)', params: IdParamsSchema, body: InteractionUpdateSchema, response: { 200: InteractionSchema } },
    handler: (req) => updateInteraction(db, actorOf(req), req.params.id, req.body, req.locale),
  });
  app.delete('/api/interactions/:id', {
    config: { access: 'directory.write' },
    schema: { tags, summary: 'Delete an interaction', params: IdParamsSchema, querystring: z.object({ version: z.coerce.number().pipe(VersionSchema) }), response: { 204: z.null() } },
    handler: async (req, reply) => {
      await deleteInteraction(db, actorOf(req), req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  });
  app.get('/api/interactions/:id/history', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'Audit history of one interaction', params: IdParamsSchema, response: { 200: AuditPageSchema } },
    handler: async (req) => {
      await getInteraction(db, actorOf(req), req.params.id, req.locale);
      return listAudit(db, { entityType: ENTITY, entityId: req.params.id, page: 1, pageSize: 50 });
    },
  });
};
