import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditPageSchema } from '../../../contracts/audit.js';
import { IdParamsSchema, VersionSchema } from '../../../contracts/common/paging.js';
import { ExportQuerySchema, MergeBodySchema, SimilarQuerySchema, SimilarRecordSchema } from '../../../contracts/organizations.js';
import { PersonCreateSchema, PersonListQuerySchema, PersonPageSchema, PersonSchema, PersonUpdateSchema } from '../../../contracts/people.js';
import { listAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/actor.js';
import { sendTable } from '../../platform/exports.js';
import { peopleTable } from './people.export.js';
import {
  ENTITY,
  createPerson,
  deletePerson,
  getPerson,
  listPeople,
  loadVisiblePerson,
  mergePeople,
  peopleForExport,
  similarPeople,
  updatePerson,
} from './people.service.js';

export const peopleRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['people'];
  const { db } = ctx;

  app.get('/api/people', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'List people with filters, sorting and paging', querystring: PersonListQuerySchema, response: { 200: PersonPageSchema } },
    handler: (req) => listPeople(db, actorOf(req), req.query),
  });
  app.get('/api/people/export', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'Export the filtered list as CSV or XLSX', querystring: PersonListQuerySchema.omit({ page: true, pageSize: true }).extend(ExportQuerySchema.shape) },
    handler: async (req, reply) => {
      const rows = await peopleForExport(db, actorOf(req), { ...req.query, page: 1, pageSize: 1 });
      return sendTable(reply, peopleTable(rows, req.locale), req.query.format, 'people');
    },
  });
  app.get('/api/people/similar', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'Likely duplicates of a name (trigram similarity, any script)', querystring: SimilarQuerySchema, response: { 200: z.array(SimilarRecordSchema) } },
    handler: (req) => similarPeople(db, actorOf(req), req.query.name, req.query.excludeId),
  });
  app.post('/api/people', {
    config: { access: 'directory.write' },
    schema: { tags, summary: 'Create a person', body: PersonCreateSchema, response: { 201: PersonSchema } },
    handler: async (req, reply) => reply.code(201).send(await createPerson(db, actorOf(req), req.body)),
  });
  app.get('/api/people/:id', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'One person', params: IdParamsSchema, response: { 200: PersonSchema } },
    handler: (req) => getPerson(db, actorOf(req), req.params.id),
  });
  app.patch('/api/people/:id', {
    config: { access: 'directory.write' },
    schema: { tags, summary: 'Change a person (send the version you last saw)', params: IdParamsSchema, body: PersonUpdateSchema, response: { 200: PersonSchema } },
    handler: (req) => updatePerson(db, actorOf(req), req.params.id, req.body),
  });
  app.delete('/api/people/:id', {
    config: { access: 'directory.delete' },
    schema: { tags, summary: 'Delete a person and their timeline', params: IdParamsSchema, querystring: z.object({ version: z.coerce.number().pipe(VersionSchema) }), response: { 204: z.null() } },
    handler: async (req, reply) => {
      await deletePerson(db, actorOf(req), req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  });
  app.post('/api/people/:id/merge', {
    config: { access: 'directory.merge' },
    schema: { tags, summary: 'Merge another person, with their timeline, into this one', params: IdParamsSchema, body: MergeBodySchema, response: { 200: PersonSchema } },
    handler: (req) => mergePeople(db, actorOf(req), req.params.id, req.body),
  });
  app.get('/api/people/:id/history', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'Audit history of one person', params: IdParamsSchema, querystring: z.object({ page: z.coerce.number().int().min(1).default(1) }), response: { 200: AuditPageSchema } },
    handler: async (req) => {
      await loadVisiblePerson(db, actorOf(req), req.params.id);
      return listAudit(db, { entityType: ENTITY, entityId: req.params.id, page: req.query.page, pageSize: 50 });
    },
  });
};
