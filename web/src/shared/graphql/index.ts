export { createGraphqlClient } from './client';
export { hasCode, toAppError, type AppError } from './errors';
export { createLiveConnection, LiveConnectionProvider, useLiveConnection, type LiveConnection } from './live';
export { GraphqlSetupProvider, hydrationExchange, useGraphqlSetup, type GraphqlSetup } from './ssr';
