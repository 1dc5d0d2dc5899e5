import type { FastifyReply } from 'fastify';
import { writeCsv, writeXlsx, type Table } from './spreadsheets.js';

/** Sends a table as a CSV or XLSX download named after the list and today's date. */
export async function sendTable(reply: FastifyReply, table: Table, format: 'csv' | 'xlsx', name: string) {
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'xlsx') {
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${name}-${stamp}.xlsx"`)
      .send(await writeXlsx(table, name));
  }
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${name}-${stamp}.csv"`).send(writeCsv(table));
}
