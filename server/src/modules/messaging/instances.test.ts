/**
 * Several server instances sharing one PostgreSQL (real PostgreSQL only: PGlite is one process).
 * A notification written through one instance reaches a subscriber connected to another, and two
 * delivery workers never send the same message.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { deliverDue } from './delivery.js';
import { enqueueEmail, pendingCount } from './outbox.js';
import type { MailTransport } from './transport.js';
import { buildCourse, buildUser, depsOf, sessionInput } from '../../test/factories.js';
import { buildTwoInstances, gql, onRealPostgres, type App } from '../../test/helper.js';

/** Waits until `check` holds, polling, for at most 5 s (the expectation after it then fails). */
async function waitUntil(check: () => boolean, ms = 5000) {
  for (const deadline = Date.now() + ms; !check() && Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe.runIf(onRealPostgres)('several instances on one PostgreSQL', () => {
  let first: App;
  let second: App;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ first, second, close } = await buildTwoInstances());
  });
  afterAll(async () => {
    await close?.();
  });

  it('pushes a notification written through one instance to a subscriber on the other', async () => {
    const user = await buildUser(first);
    const course = await buildCourse(first, {}, { sessions: [sessionInput({ seats: 5 })] });
    const offer = await gql(first, `query ($id: ID!) { offer(id: $id) { sessions { id } } }`, { id: course.id });
    const port = (second.server.address() as AddressInfo).port;
    const client = createClient({
      url: `ws://127.0.0.1:${port}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.token}` },
      retryAttempts: 0,
    });
    const events: unknown[] = [];
    client.subscribe(
      { query: `subscription { notificationsChanged { unreadCount latest { type } } }` },
      { next: (e) => void events.push(e), error: () => {}, complete: () => {} },
    );
    // The second instance has taken the subscription once it tracks the socket (accounts' liveSessions).
    await waitUntil(() => (second.liveSockets.get(user.id)?.size ?? 0) > 0);
    const booked = await gql(
      first,
      `mutation ($input: BookSeatsInput!) { bookSeats(input: $input) { id } }`,
      { input: { sessionId: offer.data!.offer.sessions[0].id, idempotencyKey: randomUUID() } },
      { token: user.token },
    );
    expect(booked.errors).toBeUndefined();
    await waitUntil(() => events.length > 0);
    expect(events).toEqual([
      { data: { notificationsChanged: { unreadCount: 1, latest: { type: 'BOOKING_CONFIRMED' } } } },
    ]);
    await client.dispose();
  });

  it('two delivery workers sending at once send every message exactly once', async () => {
    const sent: string[] = [];
    const counting = (): MailTransport => ({
      kind: 'mailbox',
      send: async (e) => {
        // A send takes a moment, as SMTP does, so that the workers' claims overlap.
        await new Promise((r) => setTimeout(r, 2));
        sent.push(e.messageId);
      },
      close: () => {},
    });
    const user = await buildUser(first);
    for (let i = 0; i < 60; i++) {
      await enqueueEmail(first.db, {
        to: user.email,
        userId: user.id,
        locale: 'fi',
        template: 'verify-email',
        params: { name: 'Testi', link: `http://localhost/${i}` },
      });
    }
    const drain = async (app: App, transport: MailTransport) => {
      while ((await deliverDue(depsOf(app), transport, { batchSize: 5 })).sent > 0) {
        // keep going while there is work
      }
    };
    await Promise.all([drain(first, counting()), drain(second, counting()), drain(first, counting())]);
    expect(await pendingCount(first.db)).toBe(0);
    expect(sent.length).toBeGreaterThanOrEqual(60);
    expect(new Set(sent).size).toBe(sent.length);
  });
});
