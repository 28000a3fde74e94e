export { createGraphqlClient } from './client';
export { hasCode, toAppError, type AppError } from './errors';
