/**
 * `npm run admin:create -- --email someone@example.fi [--name "Full Name"]`, or in the Docker image
 * `node server/dist/cli/create-admin.js --email …`: makes the first admin of a deployment (or any
 * admin), creating the account when the address has none, and prints a single-use link to choose
 * its password. The link goes to this command's own output only, never to the server log; with
 * SMTP_URL set the usual reset e-mail is queued as well. It never takes a password: one typed on
 * the command line stays in the shell's history.
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.js';
import { openDatabase, type DatabaseHandle } from '../db/client.js';
import { migrate } from '../db/migrate.js';
import { AppError } from '../errors.js';
import { describeError } from '../lib/logging.js';
import { adminAccountSchema, ensureAdmin } from '../modules/accounts/index.js';
import { accountMailer } from '../modules/messaging/index.js';

const USAGE = `Usage: npm run admin:create -- --email someone@example.fi [--name "Full Name"]
   or: node server/dist/cli/create-admin.js --email someone@example.fi [--name "Full Name"]

Makes the account an admin, creating it (address confirmed, no password yet) when it does not exist,
and prints a single-use link that sets its password. Runs against the configured database
(DATABASE_URL, or the embedded one: stop the server first, only one process may open it).`;

/** How long the database may take to answer before the command gives up. */
const CONNECT_TIMEOUT_MS = 15_000;

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs the command; returns the exit code (0 done, 1 refused or failed). */
export async function createAdminCommand(
  args: string[],
  /** The environment to configure from; the process's own when not given. */
  env?: NodeJS.ProcessEnv,
  output: Output = consoleOutput,
): Promise<number> {
  const fail = (message: string) => {
    output.err(message);
    return 1;
  };

  let options: { email?: string; name?: string; help?: boolean };
  try {
    ({ values: options } = parseArgs({
      args,
      options: { email: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    if (args.some((arg) => /^--?password\b/.test(arg))) {
      return fail(
        `This command takes no password (it would stay in the shell's history): use the link it prints.\n\n${USAGE}`,
      );
    }
    return fail(`${(error as Error).message}\n\n${USAGE}`);
  }
  if (options.help) {
    output.out(USAGE);
    return 0;
  }
  if (!options.email) return fail(`--email is required.\n\n${USAGE}`);
  const input = adminAccountSchema.safeParse({ email: options.email, displayName: options.name });
  if (!input.success) {
    const field = input.error.issues[0]?.path[0];
    return fail(
      field === 'displayName'
        ? `Not a usable name: ${JSON.stringify(options.name)} (one line, at most 100 characters).`
        : `Not a valid e-mail address: ${JSON.stringify(options.email)}.`,
    );
  }

  let config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return fail(error.message);
    throw error;
  }

  let handle: DatabaseHandle | undefined;
  try {
    try {
      handle = await openDatabase(config.database);
      await withTimeout(handle.ping(), CONNECT_TIMEOUT_MS);
    } catch (error) {
      const where = config.database.kind === 'postgres' ? 'the database at DATABASE_URL' : 'the embedded database';
      return fail(`Could not reach ${where}: ${describeError(error)}`);
    }
    try {
      await handle.withExclusiveLock((db) => migrate(handle!, db));
    } catch (error) {
      return fail(`Could not apply the database migrations: ${describeError(error)}`);
    }

    const sendEmail = Boolean(config.mail.smtpUrl);
    let admin;
    try {
      admin = await ensureAdmin({ db: handle.db, config, accountMailer }, input.data, { sendEmail });
    } catch (error) {
      if (error instanceof AppError) return fail(`Refused: ${error.message} (${error.code}).`);
      return fail(`Could not create the admin: ${describeError(error)}`);
    }

    const { user } = admin;
    output.out(
      admin.created
        ? `Created the admin account ${user.email} (address confirmed, no password yet).`
        : admin.promoted
          ? `${user.email} already had an account; it is now an admin as well.`
          : `${user.email} is already an admin; nothing changed.`,
    );
    output.out('');
    output.out(
      'Open this link to choose the password (it works once, and expires at ' +
        `${admin.passwordLinkExpiresAt.toISOString()}):`,
    );
    output.out(`  ${admin.passwordLink}`);
    output.out('');
    output.out(
      admin.emailQueued
        ? `The same link was e-mailed to ${user.email} (queued; the server sends it).`
        : 'No e-mail was sent (SMTP_URL is not set): give the link to the admin yourself, privately.',
    );
    return 0;
  } finally {
    await handle?.close().catch(() => {});
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer in ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await createAdminCommand(process.argv.slice(2));
  // A pool still trying to connect would keep the process alive.
  process.exit(code);
}
