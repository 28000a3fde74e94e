// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import type { MatchItemKind } from '@keskusvaraamo/shared';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeGraphql, prepareDom, renderRoutes } from '../../../shared/testing';
import type { Match } from '../operations';
import { OfferLeads } from './OfferLeads';

const OFFER: ComponentProps<typeof OfferLeads>['offer'] = {
  id: 'o1',
  title: 'Tulityökortti',
  kind: 'COURSE',
  state: 'PUBLISHED',
  canEdit: true,
};

const lead = (id: string, itemKind: MatchItemKind, title: string): Match => ({
  kind: 'NEED',
  id,
  itemKind,
  title,
  subtitle: 'Tunturienergia Oy',
  offerId: null,
  startsAt: null,
  municipalityCode: '732',
  remote: false,
  periodStart: '2027-03-01',
  periodEnd: '2027-05-31',
  score: 72,
  explanation: 'Yhteinen aihe: Tulityökortti, 110 km:n päässä, suomeksi.',
});

describe('leads on an offer’s page', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('lists needs the offer could answer and proposes the course for a course need', async () => {
    const { client, named } = fakeGraphql((operation) => {
      if (operation.operationName === 'OfferLeads')
        return {
          data: {
            offer: {
              id: 'o1',
              leads: [lead('n1', 'COURSE', 'Tulityökorttikoulutus'), lead('n2', 'INTERNSHIP', 'Harjoittelija')],
            },
          },
        };
      if (operation.operationName === 'ProposeMatch') return { data: { proposeMatch: { id: 'p1' } } };
      return { data: null };
    });
    renderRoutes([{ path: '/offers/:id', element: <OfferLeads offer={OFFER} /> }], '/offers/o1', client);
    const region = await screen.findByRole('region', { name: 'Tarpeita, joihin voisit vastata' });
    expect((await within(region).findByRole('link', { name: 'Tulityökorttikoulutus' })).getAttribute('href')).toBe(
      '/needs/n1',
    );
    expect(within(region).getAllByText('Yhteinen aihe: Tulityökortti, 110 km:n päässä, suomeksi.')).toHaveLength(2);
    expect(within(region).getAllByRole('button')).toHaveLength(1);

    const user = userEvent.setup();
    await user.click(within(region).getByRole('button', { name: 'Ehdota tätä kurssia: Tulityökorttikoulutus' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ehdota yhdistämistä' });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Viesti molemmille osapuolille' }),
      'Meillä on kurssi.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Lähetä ehdotus' }));
    expect(await within(dialog).findByRole('heading', { name: 'Ehdotus on lähetetty' })).toBeTruthy();
    expect(named('ProposeMatch')[0]?.variables).toEqual({
      input: { needId: 'n1', targetKind: 'OFFER', offerId: 'o1', note: 'Meillä on kurssi.' },
    });
  });

  it('asks nothing for those outside the offer’s organisation', async () => {
    const { client, sent } = fakeGraphql(() => ({ data: null }));
    const { container } = renderRoutes(
      [{ path: '/offers/:id', element: <OfferLeads offer={{ ...OFFER, canEdit: false }} /> }],
      '/offers/o1',
      client,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(container.textContent).toBe('');
    expect(sent).toHaveLength(0);
  });
});
