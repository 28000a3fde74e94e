// @vitest-environment jsdom
import { TOPICS } from '@keskusvaraamo/shared';
import { cleanup, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeGraphql, prepareDom, renderWithApp } from '../../../shared/testing';
import { axeViolations } from '../../../shared/testing/axe';
import type { Offer } from '../operations';
import { emptyOfferValues, offerToValues } from './offerForm';
import { OfferForm } from './OfferForm';
import { emptySessionValues } from './sessionForm';

const ORGANISATION = { id: '5d2f8c1e-3b7a-4c9d-8e6f-1a2b3c4d5e6f', name: 'Lapin ammattiopisto' };

const course = (overrides: Partial<Offer> = {}): Offer => ({
  id: 'o1',
  kind: 'COURSE',
  state: 'PUBLISHED',
  title: 'Aurinkosähkön perusteet',
  description: 'Aurinkopaneelien mitoitus ja asennus.',
  language: 'fi',
  topics: [TOPICS.find((topic) => topic.parent)!.id],
  municipalityCode: '698',
  online: false,
  languages: ['fi'],
  organisation: ORGANISATION,
  claimWindowHours: 24,
  reminderHours: 48,
  sessions: [],
  studentCount: null,
  periodStart: null,
  periodEnd: null,
  placementKinds: [],
  studyLevel: null,
  fieldOfStudy: null,
  canEdit: true,
  publishedAt: '2026-11-01T10:00:00Z',
  createdAt: '2026-10-30T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  ...overrides,
});

const reminderSelect = () => screen.getByRole('button', { name: /Muistutus ennen jokaista kurssikertaa/ });

describe('a course’s reminder before each session', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('starts a new course at the day before, and loads a course’s own choice', () => {
    expect(emptyOfferValues('fi', 'COURSE', ORGANISATION.id, emptySessionValues('fi')).reminderHours).toBe('24');
    expect(offerToValues(course({ reminderHours: 0 })).reminderHours).toBe('0');
  });

  it(
    'shows the chosen reminder, explains who is reminded, and sends the new choice as hours',
    { timeout: 30_000 },
    async () => {
      const { client, named } = fakeGraphql(({ operationName, variables }) =>
        operationName === 'UpdateOffer'
          ? { data: { updateOffer: { ...course(), reminderHours: (variables.input as Offer).reminderHours } } }
          : { data: null },
      );
      renderWithApp(<OfferForm offer={course()} organisations={[ORGANISATION]} />, client);
      expect(reminderSelect().textContent).toContain('2 päivää ennen');
      expect(screen.getByText(/varaajille ja varauksiin nimetyille osallistujille/)).toBeTruthy();
      expect(await axeViolations(screen.getByRole('region', { name: 'Jonotus ja muistutukset' }))).toEqual([]);

      const user = userEvent.setup();
      await user.click(reminderSelect());
      expect((await screen.findAllByRole('option')).map((option) => option.textContent)).toEqual([
        'Ei muistutusta',
        '2 tuntia ennen',
        'Edellisenä päivänä',
        '2 päivää ennen',
        'Viikkoa ennen',
      ]);
      await user.click(screen.getByRole('option', { name: 'Viikkoa ennen' }));
      expect(reminderSelect().textContent).toContain('Viikkoa ennen');
      await user.click(screen.getByRole('button', { name: 'Tallenna muutokset' }));
      await waitFor(() => expect(named('UpdateOffer')).toHaveLength(1));
      expect(named('UpdateOffer')[0]!.variables).toMatchObject({ id: 'o1', input: { reminderHours: 168 } });
    },
  );

  it('is not asked of a pool of students', () => {
    const { client } = fakeGraphql(() => ({ data: null }));
    renderWithApp(
      <OfferForm
        offer={course({ kind: 'STUDENT_POOL', studentCount: 5, periodStart: '2027-01-01', periodEnd: '2027-05-31' })}
        organisations={[ORGANISATION]}
      />,
      client,
    );
    expect(screen.queryByRole('button', { name: /Muistutus ennen/ })).toBeNull();
  });
});

describe('a new course started from a demand pool', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('starts with the pool’s topic, its place for the course and its first session, and online when asked', () => {
    const topic = TOPICS.find((t) => t.parent)!;
    renderWithApp(
      <OfferForm
        organisations={[ORGANISATION]}
        initialKind="COURSE"
        initial={{ topics: [topic.id], municipalityCode: '732', online: true }}
      />,
      fakeGraphql(() => ({ data: null })).client,
    );
    expect(screen.getByRole('checkbox', { name: 'Toteutetaan verkossa' }).matches(':checked')).toBe(true);
    // The course's and the first session's municipality: Salla.
    const places = screen.getAllByRole('button', { name: /Kunta/ });
    expect(places).toHaveLength(2);
    for (const place of places) expect(place.textContent).toContain('Salla');
  });
});
