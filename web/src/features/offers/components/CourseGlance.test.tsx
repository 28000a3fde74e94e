// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/testing/axe';
import { fakeGraphql, prepareDom, renderWithApp } from '../../../shared/testing';
import type { CourseSession, Offer } from '../operations';
import { CourseGlance } from './CourseGlance';
import { SessionList } from './SessionList';

vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => ({ status: 'visitor', user: null }),
}));

const session = (overrides: Partial<CourseSession>): CourseSession =>
  ({
    id: 's1',
    offerId: 'o1',
    startsAt: '2027-01-12T07:00:00Z',
    endsAt: '2027-01-12T13:00:00Z',
    registrationDeadline: '2027-01-05T21:59:00Z',
    place: 'Lappia, Kemin kampus',
    municipalityCode: '240',
    onlineUrl: null,
    seats: 16,
    seatsTaken: 4,
    seatsFree: 12,
    maxSeatsPerBooker: 5,
    viewerSeats: null,
    priceCents: 14_500,
    language: 'fi',
    takingRegistrations: true,
    cancellationDeadline: '2027-01-08T21:59:00Z',
    minParticipants: null,
    decisionAt: null,
    cancelledAt: null,
    cancelReason: null,
    waitlistCount: null,
    ...overrides,
  }) as CourseSession;

const offer = (sessions: CourseSession[]) =>
  ({ id: 'o1', kind: 'COURSE', state: 'PUBLISHED', title: 'Tulityö', claimWindowHours: 48, sessions }) as Offer;

describe("a course page's first screen", () => {
  beforeEach(() => prepareDom());
  afterEach(() => cleanup());

  it('shows the next session open for booking: when, where, the price, the seats, and how to book', async () => {
    const sessions = [
      session({ id: 'past', cancelledAt: '2026-12-01T10:00:00Z' }),
      session({ id: 'closed', takingRegistrations: false, startsAt: '2026-12-20T07:00:00Z' }),
      session({ id: 'next' }),
    ];
    renderWithApp(
      <CourseGlance offer={offer(sessions)} onBooked={() => {}} />,
      fakeGraphql(() => ({ data: null })).client,
    );
    const glance = screen.getByRole('region', { name: 'Kurssi lyhyesti' });
    expect(glance.textContent).toContain('Seuraava kerta');
    expect(glance.textContent).toMatch(/12\.1\.2027/);
    expect(glance.textContent).toContain('Lappia, Kemin kampus, Kemi');
    expect(glance.textContent).toMatch(/145\s€ \(sis\. alv\)/);
    expect(glance.textContent).toContain('12 vapaana, yhteensä 16');
    // A visitor is asked to sign in, and brought back to the course.
    expect(within(glance).getByRole('link', { name: 'Kirjaudu sisään ja varaa' }).getAttribute('href')).toContain(
      '/sign-in',
    );
    expect(within(glance).getByRole('link', { name: 'Kaikki toteutukset (3)' }).getAttribute('href')).toBe(
      '#offer-sessions-heading',
    );
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('says "online" once, and "incl. VAT" only in the price', () => {
    renderWithApp(
      <SessionList
        sessions={[session({ place: 'Verkossa', municipalityCode: null, onlineUrl: 'https://meet.example.fi/x' })]}
        offer={{ id: 'o1', title: 'Tulityö', claimWindowHours: 48, published: true }}
        canEdit={false}
        onChanged={() => {}}
      />,
      fakeGraphql(() => ({ data: null })).client,
    );
    const item = screen.getByRole('listitem');
    expect(item.textContent).not.toContain('Verkossa · Verkossa');
    expect(item.textContent).toContain('Verkossa');
    expect(item.textContent!.match(/sis\. alv/g)).toHaveLength(1);
    expect(within(item).getByRole('link', { name: /^Lisää kalenteriin/ }).className).toContain('button--secondary');
  });
});
