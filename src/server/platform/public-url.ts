import type { FastifyRequest } from 'fastify';
import type { Config } from '../config.js';

/**
 * Where users and guests reach the app, for links that are opened outside it (calendar feeds,
 * shared programmes): LEGATO_PUBLIC_URL when set, since behind a TLS proxy the request says
 * http and an inner host; otherwise how this request reached the server.
 */
export const publicOrigin = (config: Pick<Config, 'publicUrl'>, req: FastifyRequest): string => config.publicUrl ?? `${req.protocol}://${req.host}`;
