/**
 * Cluster reporting: the coordinator's report of a period beside the one before, unmet demand
 * (coordinators and educators), and the public headline figures. Computed from anonymous facts that
 * the database records as things happen (./tables.ts, migrations/0011_report_facts.sql), and from
 * sessions, offers and organisations, which are not people's data. Reads needs, offers and
 * organisations; writes nothing.
 */
export { default as reportsGraphql } from './resolvers.js';
export { forgetPublicResults, publicCount, publicResults } from './public.js';
export { clusterReport, computeReport } from './queries.js';
export { unmetDemand } from './unmet.js';
export { reportStatements } from './statements.js';
export { default as reportRoutes } from './routes.js';
export type { ClusterReportDto, PublicYearResultsDto, UnmetDemandDto } from './types.js';
