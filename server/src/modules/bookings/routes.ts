/**
 * Files people download: iCalendar for a booking, a session and a personal feed; the participant
 * list and the invoicing lists (of a session, of an organisation's period) as CSV in the reader's
 * language. Plain routes (not GraphQL) so calendars and Excel can fetch them.
 */
import type { Locale } from '@keskusvaraamo/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Deps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { acceptedLocale, fileLocale as readersLocale } from '../../lib/acceptLanguage.js';
import { isUuid } from '../../lib/ids.js';
import { toHelsinki } from '../../lib/helsinki.js';
import type { Viewer } from '../../lib/viewer.js';
import { bookableSessions, sessionsByIds } from '../offers/index.js';
import { billingOfBookings } from './billing.js';
import { bookingCalendar, feedCalendar, sessionCalendar } from './calendar.js';
import { invoicingCsv, participantsCsv } from './files.js';
import { periodInvoicing, sessionInvoicing } from './invoicing.js';
import { bookersOf, participantsShown } from './loaders.js';
import { getBooking, sessionBookings } from './queries.js';

const ICS = 'text/calendar; charset=utf-8';

/** A downloaded calendar links its course in the asking browser's language (Finnish unless named). */
const fileLocale = (request: FastifyRequest): Locale => acceptedLocale(request.headers['accept-language']) ?? 'fi';

/** A spreadsheet's language: `?lang=`, else the reader's account's, else the browser's, else Finnish. */
const readerLocale = (request: FastifyRequest<{ Querystring: { lang?: string } }>, viewer: Viewer | null): Locale =>
  readersLocale(request.query?.lang, viewer?.locale, request.headers['accept-language']);

/** People's data: not for shared caches, nor to be kept in the browser's. */
const csvReply = (reply: FastifyReply, filename: string) =>
  reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store');

export default fp(
  async (app) => {
    const depsOf = (request: FastifyRequest): Deps => app.deps(request.log);

    app.get<{ Params: { id: string } }>('/api/bookings/:id.ics', async (request, reply) => {
      const booking = await getBooking(depsOf(request), await request.viewer(), request.params.id);
      if (!booking) throw notFound();
      return reply
        .type(ICS)
        .header('content-disposition', `attachment; filename="booking-${booking.id.slice(0, 8)}.ics"`)
        .send(await bookingCalendar(depsOf(request), booking, fileLocale(request)));
    });

    app.get<{ Params: { id: string } }>('/api/sessions/:id.ics', async (request, reply) => {
      const [session] = await sessionsByIds(depsOf(request), await request.viewer(), [request.params.id]);
      if (!session) throw notFound();
      return reply
        .type(ICS)
        .header('content-disposition', `attachment; filename="session-${session.id.slice(0, 8)}.ics"`)
        .send(await sessionCalendar(depsOf(request), session.id, fileLocale(request)));
    });

    app.get<{ Params: { token: string } }>('/calendar/:token.ics', async (request, reply) => {
      const body = /^[\w-]{20,100}$/.test(request.params.token)
        ? await feedCalendar(depsOf(request), request.params.token)
        : null;
      if (!body) throw notFound();
      return reply.type(ICS).header('cache-control', 'private, max-age=300').send(body);
    });

    app.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
      '/api/sessions/:id/participants.csv',
      async (request, reply) => {
        const deps = depsOf(request);
        const viewer = await request.viewer();
        if (!isUuid(request.params.id)) throw notFound();
        const list = await sessionBookings(deps, viewer, request.params.id);
        // Staff's download is logged for the students among the bookers and participants.
        const people = await participantsShown(deps, viewer, list);
        const bookers = await bookersOf(deps, viewer, list);
        const billing = await billingOfBookings(
          deps.db,
          list.map((b) => b.id),
        );
        const session = (await bookableSessions(deps.db, [request.params.id])).get(request.params.id)!;
        const waiting = list.filter((w) => w.state === 'WAITLISTED');
        const body = participantsCsv(
          list.map((b, i) => ({
            state: b.state,
            createdAt: b.createdAt,
            waitlistPosition: b.state === 'WAITLISTED' ? waiting.indexOf(b) + 1 : null,
            booker: bookers[i] ?? null,
            billing: billing.get(b.id) ?? null,
            unitPriceCents: billing.get(b.id)?.unitPriceCents ?? session.priceCents,
            participants: people[i]!,
          })),
          readerLocale(request, viewer),
        );
        const day = toHelsinki(session.startsAt).slice(0, 10);
        return csvReply(reply, `participants-${day}.csv`).send(body);
      },
    );

    app.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
      '/api/sessions/:id/invoicing.csv',
      async (request, reply) => {
        const viewer = await request.viewer();
        const { lang: _lang, ...query } = request.query ?? {};
        const { startsAt, rows } = await sessionInvoicing(depsOf(request), viewer, request.params.id, query);
        const day = toHelsinki(startsAt).slice(0, 10);
        return csvReply(reply, `invoicing-${day}.csv`).send(invoicingCsv(rows, readerLocale(request, viewer)));
      },
    );

    app.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
      '/api/organisations/:id/invoicing.csv',
      async (request, reply) => {
        const viewer = await request.viewer();
        const { lang: _lang, ...query } = request.query ?? {};
        const { from, to, rows } = await periodInvoicing(depsOf(request), viewer, request.params.id, query);
        return csvReply(reply, `invoicing-${from}-${to}.csv`).send(invoicingCsv(rows, readerLocale(request, viewer)));
      },
    );
  },
  { name: 'booking-routes', dependencies: ['auth', 'database'] },
);
