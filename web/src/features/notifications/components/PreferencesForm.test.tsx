// @vitest-environment jsdom
import { DEFAULT_CHANNEL, NOTIFICATION_GROUPS, NOTIFICATION_TYPES } from '@keskusvaraamo/shared';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationPreference } from '../operations';
import { fakeGraphql, renderWithApp, type Answer, type SentOperation } from '../../../shared/testing';
import { PreferencesForm } from './PreferencesForm';

afterEach(cleanup);

/** What the server answers before any choice: every type at its default. */
const DEFAULTS: NotificationPreference[] = NOTIFICATION_TYPES.map((type) => ({
  type,
  channel: DEFAULT_CHANNEL[type],
  isDefault: true,
}));

/** Saves as the server does: the list sent, each now a choice of the user's. */
function saving(operation: SentOperation): Answer {
  const input = operation.variables.input as { type: string; channel: string }[];
  return { data: { setNotificationPreferences: input.map((p) => ({ ...p, isDefault: false })) } };
}

function renderForm(answer: (operation: SentOperation) => Answer, preferences = DEFAULTS) {
  const server = fakeGraphql(answer);
  renderWithApp(<PreferencesForm preferences={preferences} />, server.client);
  return server;
}

const choiceOf = (type: string) => screen.getByRole('radiogroup', { name: type });

function checkedIn(group: HTMLElement): string | undefined {
  return within(group)
    .getAllByRole('radio')
    .find((radio) => (radio as HTMLInputElement).checked)
    ?.closest('label')?.textContent;
}

describe('PreferencesForm', () => {
  it('groups the types under translated headings, each with the four channels explained', () => {
    renderForm(saving, [
      ...DEFAULTS.filter((p) => p.type !== 'MESSAGE_RECEIVED'),
      { type: 'MESSAGE_RECEIVED', channel: 'DIGEST', isDefault: false },
    ]);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Vaihtoehdot',
      'Kurssivaraukset',
      'Hakemukset',
      'Yhteistyöehdotukset',
      'Viestit',
      'Tallennetut haut',
    ]);
    // Every type but the coordinators' own (ORGANISATIONS, COORDINATION) and the educators' (COURSES), which this reader does not receive.
    expect(screen.getAllByRole('radiogroup')).toHaveLength(
      NOTIFICATION_TYPES.length -
        NOTIFICATION_GROUPS.ORGANISATIONS.length -
        NOTIFICATION_GROUPS.COORDINATION.length -
        NOTIFICATION_GROUPS.COURSES.length,
    );

    const bookingConfirmed = choiceOf('Varaus vahvistettu');
    const names = within(bookingConfirmed)
      .getAllByRole('radio')
      .map((radio) => radio.closest('label')?.textContent);
    expect(names).toEqual(['Vain palvelussa', 'Sähköposti heti', 'Päivän kooste', 'Ei lainkaan']);
    // Each choice is explained to a screen reader in one line.
    const digest = within(bookingConfirmed).getByRole('radio', { name: 'Päivän kooste' });
    const description = document.getElementById(digest.getAttribute('aria-describedby') ?? '');
    expect(description?.textContent).toBe(
      'Näet ilmoituksen palvelussa, ja se kootaan kerran päivässä lähetettävään sähköpostiin.',
    );

    // The saved choice, or the type's default.
    expect(checkedIn(bookingConfirmed)).toBe('Sähköposti heti');
    expect(checkedIn(choiceOf('Uusi viesti'))).toBe('Päivän kooste');
    expect(checkedIn(choiceOf('Hakija perui hakemuksensa'))).toBe('Päivän kooste');
  });

  it('shows coordinators the group of organisations that must be verified again, and their weekly summary', () => {
    const server = fakeGraphql(saving);
    renderWithApp(<PreferencesForm preferences={DEFAULTS} roles={['COORDINATOR']} />, server.client);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toContain('Organisaatiot');
    expect(headings).toContain('Välitystyö');
    expect(choiceOf('Vahvistettu organisaatio muutti nimeään tai Y-tunnustaan')).toBeTruthy();
    expect(checkedIn(choiceOf('Välitystyön viikkokatsaus'))).toBe('Sähköposti heti');
    expect(screen.getAllByRole('radiogroup')).toHaveLength(
      NOTIFICATION_TYPES.length - NOTIFICATION_GROUPS.COURSES.length,
    );
  });

  it("shows educators the group of their courses' bookings, a daily summary by default but for a cancelled session", () => {
    const server = fakeGraphql(saving);
    renderWithApp(<PreferencesForm preferences={DEFAULTS} roles={['EDUCATOR']} />, server.client);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings.slice(1, 3)).toEqual(['Kurssivaraukset', 'Kurssiemme varaukset']);
    expect(checkedIn(choiceOf('Uudet varaukset kursseillemme'))).toBe('Päivän kooste');
    expect(checkedIn(choiceOf('Kurssiemme jonon muutokset'))).toBe('Päivän kooste');
    expect(checkedIn(choiceOf('Kurssiemme peruutukset (myös automaattiset)'))).toBe('Sähköposti heti');
    expect(checkedIn(choiceOf('Varatun kurssin aika tai paikka muuttui'))).toBe('Sähköposti heti');
  });

  it('saves every type at once and says so', async () => {
    const user = userEvent.setup();
    const server = renderForm(saving);
    await user.click(within(choiceOf('Varaus vahvistettu')).getByText('Päivän kooste'));
    await user.click(within(choiceOf('Uusi viesti')).getByText('Ei lainkaan'));
    await user.click(screen.getByRole('button', { name: 'Tallenna asetukset' }));

    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Ilmoitusasetukset on tallennettu.'));
    const [save] = server.named('SetNotificationPreferences');
    const input = save!.variables.input as { type: string; channel: string }[];
    expect(input.map((p) => p.type)).toEqual([...NOTIFICATION_TYPES]);
    expect(input.find((p) => p.type === 'BOOKING_CONFIRMED')?.channel).toBe('DIGEST');
    expect(input.find((p) => p.type === 'MESSAGE_RECEIVED')?.channel).toBe('OFF');
    expect(input.find((p) => p.type === 'BOOKING_CANCELLED')?.channel).toBe('EMAIL');
    expect(checkedIn(choiceOf('Uusi viesti'))).toBe('Ei lainkaan');
  });

  it('shows what the server refused, translated, and does not claim to have saved', async () => {
    const user = userEvent.setup();
    renderForm(() => ({
      errors: [{ message: 'Some fields need attention', extensions: { code: 'VALIDATION', fields: [] } }],
    }));
    await user.click(screen.getByRole('button', { name: 'Tallenna asetukset' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Tarkista merkityt kentät.'));
    expect(screen.getByRole('status').textContent).toBe('');
  });

  it('tells how long to wait when there were too many tries', async () => {
    const user = userEvent.setup();
    renderForm(() => ({
      errors: [{ message: 'Slow down', extensions: { code: 'RATE_LIMITED', retryAfterSeconds: 30 } }],
    }));
    await user.click(screen.getByRole('button', { name: 'Tallenna asetukset' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/30 sekunnin/));
  });
});
