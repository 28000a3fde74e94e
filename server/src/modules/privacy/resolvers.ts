import type { IResolvers } from 'mercurius';
import type { GraphqlModule } from '../../plugins/graphql.js';
import accessLog from './accessLogResolvers.js';
import auditLog from './auditLogResolvers.js';
import erasure from './erasureResolvers.js';
import legal from './legalResolvers.js';

/** Each part's resolvers, merged per type. */
function merge(...parts: IResolvers[]): IResolvers {
  const merged: Record<string, Record<string, unknown>> = {};
  for (const part of parts) {
    for (const [type, fields] of Object.entries(part)) {
      merged[type] = { ...merged[type], ...(fields as Record<string, unknown>) };
    }
  }
  return merged as IResolvers;
}

const resolvers = merge(accessLog, auditLog, erasure, legal);

export default { schemaUrl: new URL('./schema.graphql', import.meta.url), resolvers } satisfies GraphqlModule;
