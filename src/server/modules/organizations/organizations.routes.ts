import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AuditPageSchema } from '../../../contracts/audit.js';
import { IdParamsSchema, VersionSchema } from '../../../contracts/common/paging.js';
import {
  ExportQuerySchema,
  MergeBodySchema,
  OrganizationCreateSchema,
  OrganizationListQuerySchema,
  OrganizationPageSchema,
  OrganizationSchema,
  OrganizationUpdateSchema,
  SimilarQuerySchema,
  SimilarRecordSchema,
} from '../../../contracts/organizations.js';
import { listAudit } from '../../platform/audit/audit.service.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/actor.js';
import { sendTable } from '../../platform/exports.js';
import {
  ENTITY,
  createOrganization,
  deleteOrganization,
  getOrganization,
  listOrganizations,
  loadVisible,
  mergeOrganizations,
  organizationsForExport,
  similarOrganizations,
  updateOrganization,
} from './organizations.service.js';
import { organizationsTable } from './organizations.export.js';

export const organizationsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['organizations'];
  const { db } = ctx;

  app.get('/api/organizations', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'List organisations with filters, sorting and paging', querystring: OrganizationListQuerySchema, response: { 200: OrganizationPageSchema } },
    handler: (req) => listOrganizations(db, actorOf(req), req.query),
  });

  app.get('/api/organizations/export', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'Export the filtered list as CSV or XLSX', querystring: OrganizationListQuerySchema.omit({ page: true, pageSize: true }).extend(ExportQuerySchema.shape) },
    handler: async (req, reply) => {
      const rows = await organizationsForExport(db, actorOf(req), { ...req.query, page: 1, pageSize: 1 });
      return sendTable(reply, organizationsTable(rows), req.query.format, 'organizations');
    },
  });

  app.get('/api/organizations/similar', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'Likely duplicates of a name (trigram similarity, any script)', querystring: SimilarQuerySchema, response: { 200: z.array(SimilarRecordSchema) } },
    handler: (req) => similarOrganizations(db, actorOf(req), req.query.name, req.query.excludeId, req.locale),
  });

  app.post('/api/organizations', {
    config: { access: 'directory.write' },
    schema: { tags, summary: 'Create an organisation', body: OrganizationCreateSchema, response: { 201: OrganizationSchema } },
    handler: async (req, reply) => reply.code(201).send(await createOrganization(db, actorOf(req), req.body)),
  });

  app.get('/api/organizations/:id', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'One organisation', params: IdParamsSchema, response: { 200: OrganizationSchema } },
    handler: (req) => getOrganization(db, actorOf(req), req.params.id),
  });

  app.patch('/api/organizations/:id', {
    config: { access: 'directory.write' },
    schema: { tags, summary: 'Change an organisation (send the version you last saw)', params: IdParamsSchema, body: OrganizationUpdateSchema, response: { 200: OrganizationSchema } },
    handler: (req) => updateOrganization(db, actorOf(req), req.params.id, req.body),
  });

  app.delete('/api/organizations/:id', {
    config: { access: 'directory.delete' },
    schema: { tags, summary: 'Delete an organisation (its people stay, without organisation)', params: IdParamsSchema, querystring: z.object({ version: z.coerce.number().pipe(VersionSchema) }), response: { 204: z.null() } },
    handler: async (req, reply) => {
      await deleteOrganization(db, actorOf(req), req.params.id, req.query.version);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/organizations/:id/merge', {
    config: { access: 'directory.merge' },
    schema: { tags, summary: 'Merge another organisation, with its people and timeline, into this one', params: IdParamsSchema, body: MergeBodySchema, response: { 200: OrganizationSchema } },
    handler: (req) => mergeOrganizations(db, actorOf(req), req.params.id, req.body),
  });

  app.get('/api/organizations/:id/history', {
    config: { access: 'directory.read' },
    schema: { tags, summary: 'Audit history of one organisation', params: IdParamsSchema, querystring: z.object({ page: z.coerce.number().int().min(1).default(1) }), response: { 200: AuditPageSchema } },
    handler: async (req) => {
      await loadVisible(db, actorOf(req), req.params.id);
      return listAudit(db, { entityType: ENTITY, entityId: req.params.id, page: req.query.page, pageSize: 50 });
    },
  });
};
