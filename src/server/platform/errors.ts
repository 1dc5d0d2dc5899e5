import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { ZodError, type z } from 'zod';
import type { UiLocale } from '../../contracts/common/languages.js';
import {
  FIELD_MESSAGES,
  PROBLEM_MESSAGES,
  PROBLEM_STATUS,
  fieldMessage,
  type FieldError,
  type FieldReason,
  type Problem,
  type ProblemCode,
} from '../../contracts/common/problems.js';

export type FieldIssue = { path: string; reason: FieldReason; params?: Record<string, string | number> };

/** The one error services throw. The error handler turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly extra: { fields?: FieldIssue[]; current?: Problem['current']; detail?: string } = {},
  ) {
    super(code);
  }
}

export const fieldError = (path: string, reason: FieldReason, params?: Record<string, string | number>) =>
  new AppError('validation', { fields: [{ path, reason, params }] });

/** Maps one zod issue to a stable reason with parameters. */
export function reasonOf(issue: z.core.$ZodIssue): { reason: FieldReason; params?: Record<string, string | number> } {
  // A refinement or a pattern may name its reason in its message ('required', 'before_start', ...).
  const named = issue.code === 'custom' || (issue.code === 'invalid_format' && issue.format === 'regex');
  if (named && Object.hasOwn(FIELD_MESSAGES, issue.message)) return { reason: issue.message as FieldReason };
  switch (issue.code) {
    case 'invalid_type':
      return { reason: issue.input === undefined || issue.input === null ? 'required' : 'invalid_type' };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? { reason: 'required' } : { reason: 'too_short', params: { min } };
      if (issue.origin === 'array') return { reason: 'too_short', params: { min } };
      return { reason: 'too_small', params: { min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string' || issue.origin === 'array') return { reason: 'too_long', params: { max } };
      return { reason: 'too_big', params: { max } };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { reason: 'invalid_email' };
      if (issue.format === 'url') return { reason: 'invalid_url' };
      if (issue.format === 'datetime' || issue.format === 'date') return { reason: 'invalid_date' };
      return { reason: 'invalid_format' };
    case 'invalid_value':
      return { reason: 'invalid_choice' };
    case 'unrecognized_keys':
      return { reason: 'unknown_field' };
    case 'custom':
      return { reason: 'invalid' };
    default:
      return { reason: 'invalid' };
  }
}

export function issuesToFields(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldIssue[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return { path: path || '(body)', ...reasonOf(issue) };
  });
}

export function problemBody(
  code: ProblemCode,
  locale: UiLocale,
  req: FastifyRequest | null,
  extra: AppError['extra'] = {},
): Problem {
  const fields: FieldError[] | undefined = extra.fields?.map((f) => ({
    path: f.path,
    reason: f.reason,
    message: fieldMessage(f.reason, locale, f.params),
  }));
  return {
    type: `https://legato.local/problems/${code}`,
    title: PROBLEM_MESSAGES[code].en,
    status: PROBLEM_STATUS[code],
    code,
    detail: extra.detail ?? PROBLEM_MESSAGES[code][locale],
    instance: req?.url.split('?')[0],
    requestId: req ? String(req.id) : undefined,
    ...(fields ? { fields } : {}),
    ...(extra.current ? { current: extra.current } : {}),
  };
}

export function sendProblem(reply: FastifyReply, code: ProblemCode, extra: AppError['extra'] = {}) {
  const req = reply.request;
  return reply
    .code(PROBLEM_STATUS[code])
    .type('application/problem+json')
    .send(problemBody(code, req.locale, req, extra));
}

/** Postgres error codes that mean the client sent something impossible, not that we failed. */
const PG_CLIENT_ERRORS: Record<string, ProblemCode> = {
  '22P02': 'validation', // invalid text representation
  '22001': 'validation', // string too long
  '22003': 'validation', // numeric out of range
  '22007': 'validation', // invalid datetime
  '22008': 'validation',
  '22021': 'validation', // invalid byte sequence for the encoding (e.g. a NUL byte in text)
  '22P05': 'validation', // untranslatable character (e.g. \u0000 in jsonb)
  '23505': 'conflict', // unique violation
  '23503': 'validation', // foreign key violation
  '54000': 'payload_too_large', // program limit exceeded (e.g. index row too big)
};

/** The answer to a database error caused by the request; Drizzle wraps the driver's error as `cause`. */
function databaseRefusal(error: unknown): ProblemCode | undefined {
  for (let e = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && Object.hasOwn(PG_CLIENT_ERRORS, code)) return PG_CLIENT_ERRORS[code];
  }
  return undefined;
}

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (a URL or headers over the size
 * limit, malformed HTTP) are answered as problem+json too, like every other error.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code]: [number, ProblemCode] =
    error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'payload_too_large'] : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'bad_request'] : [400, 'bad_request'];
  const body = JSON.stringify({ ...problemBody(code, 'en', null), status });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

export function errorHandler(error: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendProblem(reply, error.code, error.extra);
  if (error instanceof ZodError) return sendProblem(reply, 'validation', { fields: issuesToFields(error.issues) });
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = (error as { validationContext?: string }).validationContext;
    const prefix = part === 'body' ? '' : part ?? '';
    const fields = error.validation.map((v) => {
      const segments = v.instancePath.split('/').filter(Boolean);
      const issue = { ...v.params, code: v.keyword, message: v.message, path: segments } as unknown as z.core.$ZodIssue;
      const path = [prefix, ...segments].filter(Boolean).join('.');
      return { path: path || part || '(body)', ...reasonOf(issue) };
    });
    return sendProblem(reply, 'validation', { fields });
  }
  if (isResponseSerializationError(error)) {
    req.log.error({ err: error, issues: error.cause?.issues }, 'response did not match its schema');
    return sendProblem(reply, 'internal');
  }
  const refusal = databaseRefusal(error);
  if (refusal) {
    req.log.warn({ err: error }, 'database refused the request');
    return sendProblem(reply, refusal);
  }
  const status = error.statusCode ?? 500;
  if (status === 413 || error.code === 'FST_REQ_FILE_TOO_LARGE' || error.code === 'FST_PARTS_LIMIT') return sendProblem(reply, 'payload_too_large');
  if (status === 415 || error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return sendProblem(reply, 'unsupported_media_type');
  if (status === 429) return sendProblem(reply, 'rate_limited');
  if (status >= 400 && status < 500) {
    // Malformed JSON, empty body with a JSON content type, bad multipart and the like.
    return sendProblem(reply, 'bad_request', { detail: `${PROBLEM_MESSAGES.bad_request[req.locale]} (${error.message})` });
  }
  req.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, 'internal');
}
