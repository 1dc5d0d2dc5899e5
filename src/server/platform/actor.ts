import type { FastifyRequest } from 'fastify';
import type { Actor } from './audit/audit.service.js';
import { currentUser } from './http.js';

export function actorOf(req: FastifyRequest): Actor {
  const u = currentUser(req);
  return { id: u.id, name: u.name, role: u.role, requestId: String(req.id) };
}
