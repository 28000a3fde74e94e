// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import i18n from 'i18next';
import { prepareI18n } from '../../../shared/testing';
import type { ApplicationEvent } from '../operations';
import { ApplicationTimeline } from './ApplicationTimeline';

const EVENTS: ApplicationEvent[] = [
  { id: 'e1', fromState: null, toState: 'SUBMITTED', actor: 'APPLICANT', reason: null, at: '2026-03-01T10:30:00Z' },
  {
    id: 'e2',
    fromState: 'SUBMITTED',
    toState: 'SHORTLISTED',
    actor: 'ORGANISATION',
    reason: null,
    at: '2026-03-03T07:05:00Z',
  },
  {
    id: 'e3',
    fromState: 'SHORTLISTED',
    toState: 'REJECTED',
    actor: 'SYSTEM',
    reason: 'NEED_FILLED',
    // Summer time: 21.00 UTC is midnight in Helsinki, the next day.
    at: '2026-06-14T21:00:00Z',
  },
];

function renderIn(locale: 'fi' | 'sv' | 'en', events = EVENTS) {
  void i18n.changeLanguage(locale);
  return render(
    <I18nextProvider i18n={i18n}>
      <ApplicationTimeline events={events} />
    </I18nextProvider>,
  );
}

const steps = () =>
  within(screen.getByRole('list'))
    .getAllByRole('listitem')
    .map((item) => item.textContent);

describe('ApplicationTimeline', () => {
  beforeAll(() => {
    prepareI18n();
  });
  afterEach(cleanup);

  it('lists the steps oldest first with what happened, who did it and when in Helsinki time', () => {
    renderIn('fi');
    expect(steps()).toEqual([
      'Hakemus lähetettyHakija · 1.3.2026 klo 12.30',
      'Valittu jatkoonYritys · 3.3.2026 klo 9.05',
      'Hakemus hylättyJärjestelmä · 15.6.2026 klo 0.00Perustelu: Kaikki paikat täytettiin.',
    ]);
    expect(screen.getAllByRole('listitem')[1]!.querySelector('time')?.getAttribute('dateTime')).toBe(
      '2026-03-03T07:05:00Z',
    );
  });

  it('words the steps in Swedish and English too, and shows a company’s own reason as written', () => {
    const rejected: ApplicationEvent = {
      id: 'e4',
      fromState: 'OFFERED',
      toState: 'REJECTED',
      actor: 'ORGANISATION',
      reason: 'Valitsimme toisen hakijan.',
      at: '2026-03-04T12:00:00Z',
    };
    renderIn('sv', [EVENTS[0]!, rejected]);
    expect(steps()).toEqual([
      'Ansökan skickadSökande · 1 mars 2026 12.30',
      'Ansökan avslagenFöretaget · 4 mars 2026 14.00Motivering: Valitsimme toisen hakijan.',
    ]);
    cleanup();
    renderIn('en', [EVENTS[0]!, rejected]);
    expect(steps()).toEqual([
      'Application submittedApplicant · 1 Mar 2026, 12:30',
      'Application rejectedCompany · 4 Mar 2026, 14:00Reason: Valitsimme toisen hakijan.',
    ]);
    void i18n.changeLanguage('fi');
  });
});
