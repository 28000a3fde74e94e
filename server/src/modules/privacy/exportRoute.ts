/**
 * `GET /api/me/data-export.json` with a bearer access token: the signed-in person's data as a file
 * (export.ts). A plain route, not GraphQL, so that the browser saves it as a download. At most
 * EXPORTS_PER_HOUR per person (counted in the database, across instances): the document reads
 * every module's tables.
 */
import fp from 'fastify-plugin';
import { AppError, unauthenticated } from '../../errors.js';
import { hit } from '../../lib/rateLimit.js';
import { buildDataExport } from './export.js';

export const EXPORTS_PER_HOUR = 10;
const HOUR = 60 * 60;

/** The file's name: the service and the day (UTC) it was made. */
export const exportFileName = (at: Date) => `keskusvaraamo-data-${at.toISOString().slice(0, 10)}.json`;

export default fp(
  async (app) => {
    app.get('/api/me/data-export.json', async (request, reply) => {
      const viewer = await request.viewer();
      if (!viewer) throw unauthenticated();
      const limit = await hit(app.db, `data-export:${viewer.id}`, HOUR, EXPORTS_PER_HOUR);
      if (!limit.allowed) {
        throw new AppError('RATE_LIMITED', 'Too many downloads; try again later', {
          retryAfterSeconds: limit.retryAfterSeconds,
        });
      }
      const document = await buildDataExport(app.deps(request.log), viewer.id);
      request.log.info('Data export downloaded');
      return (
        reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="${exportFileName(new Date(document.exportedAt))}"`)
          // A person's whole record: never in a shared cache, nor kept by the browser.
          .header('cache-control', 'no-store')
          .send(JSON.stringify(document, null, 2))
      );
    });
  },
  { name: 'data-export-route', dependencies: ['auth', 'database'] },
);
