import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Database } from './db/client.js';

/** What every use case needs from the running server; tests build the same from the app. */
export interface Deps {
  db: Database;
  config: Config;
  log: FastifyBaseLogger;
  signAccessToken(user: { id: string; tokenVersion: number }): string;
}
