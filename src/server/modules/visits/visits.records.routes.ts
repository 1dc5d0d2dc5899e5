import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParamsSchema, VersionSchema } from '../../../contracts/common/paging.js';
import { PROBLEM_MESSAGES } from '../../../contracts/common/problems.js';
import {
  AccommodationCreateSchema,
  AccommodationSchema,
  AccommodationUpdateSchema,
  BudgetLineCreateSchema,
  BudgetLineSchema,
  BudgetLineUpdateSchema,
  GiftCreateSchema,
  GiftListQuerySchema,
  GiftPageSchema,
  GiftSchema,
  GiftUpdateSchema,
  TaskCreateSchema,
  TaskSchema,
  TaskUpdateSchema,
  TicketCreateSchema,
  TicketSchema,
  TicketUpdateSchema,
  TransportCreateSchema,
  TransportSchema,
  TransportUpdateSchema,
} from '../../../contracts/visits.logistics.js';
import {
  ParticipantCreateSchema,
  ParticipantSchema,
  ParticipantUpdateSchema,
  ProgrammeItemCreateSchema,
  ProgrammeItemSchema,
  ProgrammeItemUpdateSchema,
} from '../../../contracts/visits.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf } from '../../platform/actor.js';
import { AppError } from '../../platform/errors.js';
import { createChild, deleteChild, updateChild, type ChildSpec } from './visits.children.js';
import { getGiftPhoto, giftSpec, listGifts, putGiftPhoto, removeGiftPhoto, type PhotoUpload } from './visits.gifts.js';
import { accommodationSpec, budgetLineSpec, participantSpec, taskSpec, ticketSpec, transportSpec } from './visits.logistics.js';
import { programmeSpec } from './visits.programme.js';
import { withConflicts } from '../calendar/calendar.service.js';
import type { Actor } from '../../platform/audit/audit.service.js';
import type { ChildRow } from './visits.repository.js';

const VersionQuerySchema = z.object({ version: z.coerce.number().pipe(VersionSchema) });

/**
 * The records inside a visit: each kind is created at /api/<records> with the visit's id in the
 * body, and changed or deleted at /api/<records>/{id}. Reading is through the visit.
 */
const RECORDS = [
  { path: 'visit-participants', noun: 'a participant (guest, host, interpreter, traveller)', spec: participantSpec, create: ParticipantCreateSchema, update: ParticipantUpdateSchema, dto: ParticipantSchema },
  // A saved programme item answers the conflicts it is now in (the calendar's check).
  { path: 'programme-items', noun: 'a programme item (placed in time order within its day)', spec: programmeSpec, create: ProgrammeItemCreateSchema, update: ProgrammeItemUpdateSchema, dto: ProgrammeItemSchema, saved: withConflicts },
  { path: 'visit-accommodations', noun: 'accommodation', spec: accommodationSpec, create: AccommodationCreateSchema, update: AccommodationUpdateSchema, dto: AccommodationSchema },
  { path: 'visit-transports', noun: 'a vehicle with its legs', spec: transportSpec, create: TransportCreateSchema, update: TransportUpdateSchema, dto: TransportSchema },
  { path: 'visit-tasks', noun: 'a coordination task', spec: taskSpec, create: TaskCreateSchema, update: TaskUpdateSchema, dto: TaskSchema },
  { path: 'gifts', noun: 'a gift given or received', spec: giftSpec, create: GiftCreateSchema, update: GiftUpdateSchema, dto: GiftSchema },
  { path: 'visit-tickets', noun: 'a ticket', spec: ticketSpec, create: TicketCreateSchema, update: TicketUpdateSchema, dto: TicketSchema },
  { path: 'visit-budget-lines', noun: 'a budget line', spec: budgetLineSpec, create: BudgetLineCreateSchema, update: BudgetLineUpdateSchema, dto: BudgetLineSchema },
] as const;

type Saved = (db: AppContext['db'], config: AppContext['config'], actor: Actor, dto: never) => Promise<unknown>;

type AnySpec = ChildSpec<ChildRow, unknown, unknown>;

/** Reads a multipart photo upload: a `version` field, then the `photo` file. */
async function readPhoto(req: FastifyRequest): Promise<PhotoUpload> {
  if (!req.isMultipart()) throw new AppError('unsupported_media_type');
  let version: number | undefined;
  let data: Buffer | undefined;
  try {
    for await (const part of req.parts()) {
      if (part.type === 'field' && part.fieldname === 'version') version = Number(part.value);
      else if (part.type === 'file' && part.fieldname === 'photo') {
        data = await part.toBuffer();
        if (part.file.truncated) throw new AppError('payload_too_large');
      }
    }
  } catch (err) {
    // The multipart parser's own errors carry no status: they are the client's, not the server's.
    if (err instanceof AppError || (err as { statusCode?: number }).statusCode) throw err;
    throw new AppError('bad_request', { detail: `${PROBLEM_MESSAGES.bad_request[req.locale]} (${(err as Error).message})` });
  }
  const parsed = VersionSchema.safeParse(version);
  if (!parsed.success) throw new AppError('validation', { fields: [{ path: 'version', reason: 'required' }] });
  if (!data || data.length === 0) throw new AppError('validation', { fields: [{ path: 'photo', reason: 'required' }] });
  return { version: parsed.data, data };
}

export const visitRecordsRoutes = (ctx: AppContext): FastifyPluginAsyncZod => async (app) => {
  const tags = ['visits'];
  const { db, config, files } = ctx;

  for (const r of RECORDS) {
    const spec = r.spec as unknown as AnySpec;
    const saved = ('saved' in r ? r.saved : async (_db, _config, _actor, dto) => dto) as Saved;
    (app as FastifyInstance).post(`/api/${r.path}`, {
      config: { access: 'visits.write' },
      schema: { tags, summary: `Add ${r.noun} to a visit`, body: r.create, response: { 201: r.dto } },
      handler: async (req, reply) => reply.code(201).send(await saved(db, config, actorOf(req), (await createChild(db, config, actorOf(req), spec, req.body as { visitId: string })) as never)),
    });
    (app as FastifyInstance).patch(`/api/${r.path}/:id`, {
      config: { access: 'visits.write' },
      schema: { tags, summary: `Change ${r.noun} (send the version you last saw)`, params: IdParamsSchema, body: r.update, response: { 200: r.dto } },
      handler: async (req) => saved(db, config, actorOf(req), (await updateChild(db, config, actorOf(req), spec, (req.params as { id: string }).id, req.body as { version: number })) as never),
    });
    (app as FastifyInstance).delete(`/api/${r.path}/:id`, {
      config: { access: 'visits.write' },
      schema: { tags, summary: `Delete ${r.noun}`, params: IdParamsSchema, querystring: VersionQuerySchema, response: { 204: z.null() } },
      handler: async (req, reply) => {
        await deleteChild(db, actorOf(req), spec, (req.params as { id: string }).id, (req.query as { version: number }).version);
        return reply.code(204).send(null);
      },
    });
  }

  app.get('/api/gifts', {
    config: { access: 'visits.read' },
    schema: { tags, summary: 'The gifts register: gifts given and received across all visits and trips', querystring: GiftListQuerySchema, response: { 200: GiftPageSchema } },
    handler: (req) => listGifts(db, config, actorOf(req), req.query),
  });

  app.put('/api/gifts/:id/photo', {
    config: { access: 'visits.write' },
    schema: {
      tags,
      summary: 'Set the photo of a gift (multipart: field `version`, then file `photo`; JPEG, PNG or WebP)',
      consumes: ['multipart/form-data'],
      params: IdParamsSchema,
      response: { 200: GiftSchema },
    },
    handler: (req) => putGiftPhoto(db, files, config, actorOf(req), req.params.id, () => readPhoto(req)),
  });

  app.get('/api/gifts/:id/photo', {
    config: { access: 'visits.read' },
    schema: { tags, summary: 'The photo of a gift', params: IdParamsSchema },
    handler: async (req, reply) => {
      const photo = await getGiftPhoto(db, files, actorOf(req), req.params.id);
      return reply
        .header('content-type', photo.type)
        .header('content-disposition', `inline; filename="gift.${photo.ext}"`)
        .header('cache-control', 'private, no-cache')
        .send(photo.data);
    },
  });

  app.delete('/api/gifts/:id/photo', {
    config: { access: 'visits.write' },
    schema: { tags, summary: 'Remove the photo of a gift', params: IdParamsSchema, querystring: VersionQuerySchema, response: { 200: GiftSchema } },
    handler: (req) => removeGiftPhoto(db, config, actorOf(req), req.params.id, req.query.version),
  });
};
