import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'graphql';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { buildApp } from '../app.js';
import { buildUser } from '../test/factories.js';
import { WEB_DOCUMENT_MODULES, WEB_SRC, webDocuments, webSources, WRITES_DOCUMENT } from '../test/graphqlDocuments.js';
import { buildTestApp, codeOf, gql, openTestDatabase, testConfig, type TestApp } from '../test/helper.js';
import { documentCost, GRAPHQL_LIMITS, limitRules, validateSubscription } from './graphqlLimits.js';

let app: TestApp;
beforeAll(async () => {
  app = await buildTestApp({ GRAPHQL_RATE_LIMIT_PER_MINUTE: '0' });
});
afterAll(() => app.closeAndDrop());

class PassedEveryLimit extends Error {}

describe('the documents the web app sends', () => {
  it('are all found: no GraphQL document is written outside the operations modules', () => {
    // A page that writes its own query elsewhere would not be checked below (nor by the contract test).
    const elsewhere = webSources().filter(
      (file) => WRITES_DOCUMENT.test(readFileSync(file, 'utf8')) && !WEB_DOCUMENT_MODULES.includes(file),
    );
    expect(elsewhere.map((file) => relative(WEB_SRC, file))).toEqual([]);
  });

  it('pass every limit, with the largest page wherever the page size is a variable', async () => {
    const documents = await webDocuments();
    expect(documents.length).toBeGreaterThan(90);
    // The real pipeline (size, tokens, validation rules, depth), stopped just before execution.
    app.graphql.addHook('preExecution', async (_schema, _document, context) => {
      if ((context as { dryRun?: boolean }).dryRun) throw new PassedEveryLimit();
    });
    const rules = limitRules({ introspection: false });
    const refused: string[] = [];
    for (const { name, source } of documents) {
      const outcome = await app.graphql(source, { dryRun: true } as never).catch((error: unknown) => error);
      if (!(outcome instanceof PassedEveryLimit)) {
        const errors = (outcome as { errors?: Error[] }).errors ?? [outcome as Error];
        refused.push(`${name}: ${errors.map((e) => e.message).join('; ')}`);
      }
      if (/^\s*subscription\b/.test(source)) {
        try {
          validateSubscription(app.graphql.schema, source, rules);
        } catch (error) {
          refused.push(`${name} (as a subscription): ${(error as Error).message}`);
        }
      }
      // Room to grow: a page can add fields without meeting a limit at once.
      const cost = documentCost(app.graphql.schema, parse(source));
      if (cost > GRAPHQL_LIMITS.cost / 2) refused.push(`${name}: cost ${cost} is over half the limit`);
      try {
        parse(source, { maxTokens: GRAPHQL_LIMITS.tokens / 2 });
      } catch {
        refused.push(`${name}: over half the tokens allowed`);
      }
      if (Buffer.byteLength(source) > GRAPHQL_LIMITS.documentBytes / 2) refused.push(`${name}: over half the bytes`);
    }
    expect(refused).toEqual([]);
  });
});

describe('query cost', () => {
  const cost = (source: string) => documentCost(app.graphql.schema, parse(source));

  it("multiplies a connection's nodes by its page size: as given, the largest for a variable, the default when absent", () => {
    // search: 1 + (nodes: 1 + first × id); totalCount and the facets once, whatever the page size.
    expect(cost('{ search(first: 10) { nodes { id } } }')).toBe(1 + (1 + 10 * 1));
    expect(cost('query ($n: Int) { search(first: $n) { nodes { id } } }')).toBe(1 + (1 + 100 * 1));
    expect(cost('{ search { nodes { id } } }')).toBe(1 + (1 + 20 * 1));
    expect(cost('{ search(first: 10) { totalCount nodes { id } } }')).toBe(1 + 1 + (1 + 10 * 1));
    expect(cost('{ search(first: 10) { ...Page } } fragment Page on SearchConnection { nodes { id } }')).toBe(12);
  });

  it('multiplies nested lists, counts aliases and fragments, and ignores @skip (the worst case counts)', () => {
    const one = cost('{ search(first: 10) { nodes { id } } }');
    expect(cost('{ a: search(first: 10) { nodes { id } } b: search(first: 10) { nodes { id } } }')).toBe(2 * one);
    expect(cost('query ($no: Boolean!) { search(first: 10) @skip(if: $no) { nodes { id } } }')).toBe(one);
    expect(cost('{ ...F } fragment F on Query { search(first: 10) { nodes { id } } }')).toBe(one);
    // A course's sessions: a list without `first` counts as 20.
    expect(cost('{ offer(id: "x") { sessions { id } } }')).toBe(1 + (1 + 20 * 1));
    // Threads × their messages.
    const threads = '{ myConversations(first: 10) { nodes { messages(first: 10) { nodes { id } } } } }';
    expect(cost(threads)).toBe(1 + (1 + 10 * (1 + (1 + 10 * 1))));
  });
});

describe('limits over HTTP', () => {
  it('refuses many aliases of one field, before running any', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: search(first: 1) { totalCount }`).join(' ');
    const r = await gql(app, `{ ${aliases} }`);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('BAD_REQUEST');
    expect(r.data).toBeNull();
  });

  it('refuses more aliases than the limit, and accepts the limit', async () => {
    const aliased = (n: number) => `{ me { ${Array.from({ length: n }, (_, i) => `a${i}: id`).join(' ')} } }`;
    const over = await gql(app, aliased(GRAPHQL_LIMITS.aliases + 1));
    expect(over.status).toBe(400);
    expect(over.errors?.[0]?.message).toMatch(/Aliases limit of 15 exceeded/);
    expect(codeOf(await gql(app, aliased(GRAPHQL_LIMITS.aliases)))).toBeUndefined();
  });

  it('refuses too many top-level fields', async () => {
    const distinct = Array.from({ length: GRAPHQL_LIMITS.rootFields + 1 }, (_, i) => `f${i}: me { id }`);
    const r = await gql(app, `{ ${distinct.join(' ')} }`);
    expect(r.status).toBe(400);
    expect(r.errors?.map((e) => e.message).join(' ')).toMatch(/at most 12 top-level fields/);
  });

  it('refuses a query whose lists multiply past the cost limit, and the same query with small pages runs', async () => {
    // Each: 1 + (nodes: 1 + first × (id: 1 + participants: 1 + 20 × 4)) = 8,202 at 100 a page.
    const bookings = (first: number) =>
      `myBookings(first: ${first}) { nodes { id participants { id name email attended } } }`;
    const query = (first: number) =>
      `{ ${['a', 'b', 'c', 'd'].map((alias) => `${alias}: ${bookings(first)}`).join(' ')} }`;
    const expensive = await gql(app, query(100));
    expect(expensive.status).toBe(400);
    expect(expensive.errors?.[0]?.message).toMatch(/cost is 32808; at most 30000/);
    expect(codeOf(await gql(app, query(5)))).toBe('UNAUTHENTICATED');
  });

  it('counts tokens while parsing and refuses a long document before parsing', async () => {
    const manyTokens = await gql(app, `{ me { ${'id '.repeat(GRAPHQL_LIMITS.tokens)} } }`);
    expect(manyTokens.status).toBe(400);
    expect(manyTokens.errors?.[0]?.message).toMatch(/more that 2000 tokens/);
    // A comment has no tokens, but its bytes still have to be read.
    const long = await gql(app, `# ${'x'.repeat(GRAPHQL_LIMITS.documentBytes)}\n{ __typename }`);
    expect(long.status).toBe(400);
    expect(codeOf(long)).toBe('BAD_REQUEST');
    expect(long.errors?.[0]?.message).toMatch(/at most 16384 are accepted/);
  });

  it('refuses a query nested deeper than 10', async () => {
    const deep = `{ __schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } }`;
    const r = await gql(app, deep);
    expect(r.status).toBe(400);
    expect(codeOf(r)).toBe('BAD_REQUEST');
  });

  it('runs at most one sign-in, sign-up or e-mail mutation per request, under aliases and fragments too', async () => {
    const signIn = (alias: string, password: string) =>
      `${alias}: signIn(input: { email: "nobody@example.fi", password: "${password}" }) { accessToken }`;
    const twice = await gql(app, `mutation { ${signIn('a', 'guess-one-1')} ${signIn('b', 'guess-two-2')} }`);
    expect(twice.status).toBe(400);
    expect(twice.errors?.[0]?.message).toMatch(/Only one of signIn, signIn/);

    const mixed = await gql(
      app,
      `mutation { ...Guess requestPasswordReset(email: "nobody@example.fi") }
       fragment Guess on Mutation { ${signIn('a', 'guess-one-1')} }`,
    );
    expect(mixed.status).toBe(400);
    expect(mixed.errors?.[0]?.message).toMatch(/Only one of signIn, requestPasswordReset/);

    const once = await gql(app, `mutation { ${signIn('a', 'guess-one-1')} }`);
    expect(codeOf(once)).toBe('INVALID_CREDENTIALS');
  });
});

describe('in production', () => {
  let production: Awaited<ReturnType<typeof buildApp>>;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const database = await openTestDatabase();
    drop = database.drop;
    production = await buildApp(
      testConfig({ NODE_ENV: 'production', DATABASE_URL: 'postgres://not-used/x', GRAPHQL_RATE_LIMIT_PER_MINUTE: '0' }),
      { database: database.handle, logger: false },
    );
    await production.ready();
  });
  afterAll(async () => {
    await production.close();
    await drop();
  });

  it('refuses introspection, which development keeps for GraphiQL', async () => {
    const introspection = '{ __schema { queryType { name } } }';
    const refused = await gql(production, introspection);
    expect(refused.status).toBe(400);
    expect(refused.errors?.[0]?.message).toMatch(/introspection/i);
    expect((await gql(app, introspection)).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('gives no "did you mean" hints that would map the schema', async () => {
    const typo = '{ serch(first: 1) { totalCount } }';
    expect((await gql(app, typo)).errors?.[0]?.message).toMatch(/Did you mean "search"/);
    const hidden = await gql(production, typo);
    expect(hidden.status).toBe(400);
    expect(hidden.errors?.[0]?.message).toBe('Cannot query field "serch" on type "Query".');
  });
});

describe('subscriptions over WebSocket', () => {
  let url: string;
  let user: { id: string; token: string };
  beforeAll(async () => {
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    url = `${address.replace('http', 'ws')}/graphql`;
    user = await buildUser(app);
  });

  /**
   * Subscribes and resolves to the first thing the server answers: an error, or the first event,
   * which proves the subscription was accepted. An accepted subscription is silent until a
   * notification, and one announced before the server has registered it is lost, so the user's
   * topic is announced again every few milliseconds until the server answers.
   */
  async function subscribe(query: string): Promise<{ code?: unknown; message?: string } | 'accepted'> {
    const client = createClient({
      url,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.token}` },
      retryAttempts: 0,
    });
    let announcing: ReturnType<typeof setInterval> | undefined;
    try {
      return await new Promise((resolve) => {
        client.subscribe(
          { query },
          {
            next: () => resolve('accepted'),
            error: (error) => {
              const [first] = Array.isArray(error) ? error : [error];
              resolve({ code: first?.extensions?.code, message: first?.message });
            },
            complete: () => resolve('accepted'),
          },
        );
        announcing = setInterval(() => {
          void app.graphql.pubsub.publish({
            topic: `notifications:${user.id}`,
            payload: { notificationsChanged: { userId: user.id } },
          });
        }, 20);
      });
    } finally {
      clearInterval(announcing);
      await client.dispose();
    }
  }

  it('validates a subscription like a query: unknown fields, several root fields, tokens, aliases', async () => {
    expect(await subscribe('subscription { notificationsChanged { nonsense } }')).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/Cannot query field "nonsense"/),
    });
    expect(
      await subscribe(
        'subscription { a: notificationsChanged { unreadCount } b: notificationsChanged { unreadCount } }',
      ),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/only one top level field/) });
    expect(
      await subscribe(`subscription { notificationsChanged { unreadCount ${'@a '.repeat(GRAPHQL_LIMITS.tokens)} } }`),
    ).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/tokens/) });
    const aliases = Array.from({ length: 16 }, (_, i) => `c${i}: unreadCount`).join(' ');
    expect(await subscribe(`subscription { notificationsChanged { ${aliases} } }`)).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringMatching(/Aliases limit/),
    });
  });

  it("accepts the web app's subscription", async () => {
    const { NotificationsChangedSubscription } = (await import(
      pathToFileURL(join(WEB_SRC, 'features/notifications/operations/index.ts')).href
    )) as { NotificationsChangedSubscription: string };
    // The web app's operations are their text (web/src/shared/graphql/document.ts).
    expect(typeof NotificationsChangedSubscription).toBe('string');
    expect(await subscribe(NotificationsChangedSubscription)).toBe('accepted');
  });
});
