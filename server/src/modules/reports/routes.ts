/**
 * The coordinator's report as files: `GET /api/reports/cluster.csv` and `.xlsx`, with
 * `?from=YYYY-MM-DD&to=YYYY-MM-DD[&lang=fi|sv|en]` and a bearer token. Plain routes (not GraphQL)
 * so that a browser downloads them and a spreadsheet opens them. The same rules as the GraphQL
 * report: coordinators only, the period as the shared schema allows it.
 */
import { LOCALES, type Locale } from '@keskusvaraamo/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';
import { forbidden, parseInput, unauthenticated } from '../../errors.js';
import { acceptedLocale } from '../../lib/acceptLanguage.js';
import type { Viewer } from '../../lib/viewer.js';
import { reportCsv, reportXlsx } from './export.js';
import { reportPolicy } from './policy.js';
import { clusterReport } from './queries.js';
import type { ClusterReportDto } from './types.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** `lang` when given must be one of ours; from and to are checked by the report's own schema. */
const querySchema = z.object({
  from: z.unknown(),
  to: z.unknown(),
  lang: z.enum(LOCALES, { error: 'validation.choice' }).optional(),
});

const localeFor = (lang: Locale | undefined, viewer: Viewer, request: FastifyRequest): Locale =>
  lang ?? viewer.locale ?? acceptedLocale(request.headers['accept-language']) ?? 'fi';

export default fp(
  async (app) => {
    /** Who asks and what: 401 without a token, 403 for anyone but a coordinator, then 400 for bad input. */
    async function load(request: FastifyRequest): Promise<{ report: ClusterReportDto; locale: Locale }> {
      const viewer = await request.viewer();
      if (!viewer) throw unauthenticated();
      if (!reportPolicy.readReport(viewer)) throw forbidden('Only coordinators read the cluster report');
      const query = parseInput(querySchema, request.query ?? {});
      const report = await clusterReport(app.deps(request.log), viewer, { from: query.from, to: query.to });
      return { report, locale: localeFor(query.lang, viewer, request) };
    }

    const download = (reply: FastifyReply, report: ClusterReportDto, extension: 'csv' | 'xlsx') =>
      reply
        .header(
          'content-disposition',
          `attachment; filename="cluster-report-${report.period.from}-${report.period.to}.${extension}"`,
        )
        // Companies' activity by place: not for shared caches, nor to be kept in the browser's.
        .header('cache-control', 'no-store');

    app.get('/api/reports/cluster.csv', async (request, reply) => {
      const { report, locale } = await load(request);
      return download(reply, report, 'csv').type('text/csv; charset=utf-8').send(reportCsv(report, locale));
    });

    app.get('/api/reports/cluster.xlsx', async (request, reply) => {
      const { report, locale } = await load(request);
      return download(reply, report, 'xlsx')
        .type(XLSX)
        .send(await reportXlsx(report, locale));
    });
  },
  { name: 'report-routes', dependencies: ['auth', 'database'] },
);
