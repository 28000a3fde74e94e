import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

/** The environment as a bare start sees it: nothing but a secret and a data folder of its own. */
const bare = (env: Record<string, string> = {}) =>
  loadConfig({
    JWT_SECRET: 'a-secret-that-is-long-enough-for-hs256-signing',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'kv-config-')),
    ...env,
  });
const PRODUCTION = { NODE_ENV: 'production', DATABASE_URL: 'postgres://db.example/keskusvaraamo' };

describe('deployment defaults', () => {
  it('listens on loopback unless HOST says otherwise (the Docker image sets 0.0.0.0)', () => {
    expect(bare().host).toBe('127.0.0.1');
    expect(bare(PRODUCTION).host).toBe('127.0.0.1');
    expect(bare({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('has no development mailbox unless DEV_MAILBOX=true, and none with SMTP', () => {
    expect(bare().mail.mailbox).toBe(false);
    expect(bare({ DEV_MAILBOX: 'true' }).mail.mailbox).toBe(true);
    expect(bare({ DEV_MAILBOX: 'true', SMTP_URL: 'smtp://mail.example:587' }).mail.mailbox).toBe(false);
  });

  it('refuses DEV_MAILBOX=true in production, saying why', () => {
    expect(() => bare({ ...PRODUCTION, DEV_MAILBOX: 'true' })).toThrow(ConfigError);
    expect(() => bare({ ...PRODUCTION, DEV_MAILBOX: 'true' })).toThrow(/DEV_MAILBOX=true is not allowed in production/);
    expect(bare({ ...PRODUCTION, DEV_MAILBOX: 'false' }).mail.mailbox).toBe(false);
  });

  it('seeds the demo by default outside production only, and refuses SEED_DEMO_DATA=true in production', () => {
    expect(bare().seedDemoData).toBe(true);
    expect(bare({ NODE_ENV: 'test' }).seedDemoData).toBe(true);
    expect(bare({ SEED_DEMO_DATA: 'false' }).seedDemoData).toBe(false);
    expect(bare(PRODUCTION).seedDemoData).toBe(false);
    expect(bare({ ...PRODUCTION, SEED_DEMO_DATA: 'false' }).seedDemoData).toBe(false);
    expect(() => bare({ ...PRODUCTION, SEED_DEMO_DATA: 'true' })).toThrow(
      /SEED_DEMO_DATA=true is not allowed in production/,
    );
  });
});
