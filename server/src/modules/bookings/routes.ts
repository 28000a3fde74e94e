/**
 * Files people download: iCalendar for a booking, a session and a personal feed, and the
 * participant list as CSV. Plain routes (not GraphQL) so calendars and Excel can fetch them.
 */
import type { Locale } from '@keskusvaraamo/shared';
import { stringify } from 'csv-stringify/sync';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Deps } from '../../deps.js';
import { notFound } from '../../errors.js';
import { acceptedLocale } from '../../lib/acceptLanguage.js';
import { isUuid } from '../../lib/ids.js';
import { toHelsinki } from '../../lib/helsinki.js';
import { textCell } from '../../lib/spreadsheet.js';
import { bookableSessions, sessionsByIds } from '../offers/index.js';
import { bookingCalendar, feedCalendar, sessionCalendar } from './calendar.js';
import { bookersOf, participantsShown } from './loaders.js';
import { getBooking, sessionBookings } from './queries.js';

const ICS = 'text/calendar; charset=utf-8';

/** A downloaded calendar links its course in the asking browser's language (Finnish unless named). */
const fileLocale = (request: FastifyRequest): Locale => acceptedLocale(request.headers['accept-language']) ?? 'fi';

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

    app.get<{ Params: { id: string } }>('/api/sessions/:id/participants.csv', async (request, reply) => {
      const deps = depsOf(request);
      const viewer = await request.viewer();
      if (!isUuid(request.params.id)) throw notFound();
      const list = await sessionBookings(deps, viewer, request.params.id);
      // Staff's download is logged for the students among the bookers and participants.
      const people = await participantsShown(deps, viewer, list);
      const bookers = await bookersOf(deps, viewer, list);
      const session = (await bookableSessions(deps.db, [request.params.id])).get(request.params.id)!;
      const rows = list.flatMap((b, i) =>
        // Names and addresses are people's own text: neutralised so that a spreadsheet never runs them.
        people[i]!.map((p) => [
          textCell(p.name),
          textCell(p.email),
          b.state,
          b.state === 'WAITLISTED' ? String(list.filter((w) => w.state === 'WAITLISTED').indexOf(b) + 1) : '',
          textCell(bookers[i]?.displayName),
          textCell(bookers[i]?.email),
          toHelsinki(new Date(b.createdAt)).replace('T', ' '),
          p.attended === null ? '' : p.attended ? 'x' : '-',
        ]),
      );
      // A byte-order mark and semicolons: Excel in Finnish opens it with ä and ö intact, in columns.
      const csv = stringify(
        [['Nimi', 'Sähköposti', 'Tila', 'Jonosija', 'Varaaja', 'Varaajan sähköposti', 'Varattu', 'Läsnä'], ...rows],
        {
          delimiter: ';',
          bom: true,
        },
      );
      const day = toHelsinki(session.startsAt).slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="participants-${day}.csv"`)
        .send(csv);
    });
  },
  { name: 'booking-routes', dependencies: ['auth', 'database'] },
);
