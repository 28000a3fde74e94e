// @vitest-environment jsdom
import { cleanup, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeGraphql, prepareDom, renderWithApp } from '../../../shared/testing';
import type { OrganisationSummary } from '../operations';
import { OrganisationForm } from './OrganisationForm';

const organisation = (overrides: Partial<OrganisationSummary> = {}): OrganisationSummary => ({
  id: 'c1',
  name: 'Tunturienergia Oy',
  kind: 'COMPANY',
  businessId: '0112038-9',
  municipalityCode: '732',
  website: null,
  description: null,
  verified: true,
  verifiedAt: '2026-01-10T10:00:00Z',
  createdAt: '2026-01-01T10:00:00Z',
  myRole: 'OWNER',
  ...overrides,
});

function renderForm(initial: OrganisationSummary) {
  const { client } = fakeGraphql(() => ({ data: null }));
  renderWithApp(
    <OrganisationForm kinds={['COMPANY']} initial={initial} submitLabel="Tallenna" onSubmit={async () => undefined} />,
    client,
  );
}

describe('editing an organisation', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('tells the owner of a verified organisation that a new name or business ID removes the verification', async () => {
    renderForm(organisation());
    expect(screen.getByText(/Jos muutat sen nimeä tai Y-tunnusta, vahvistus poistuu/)).toBeTruthy();
    const user = userEvent.setup();
    const name = screen.getByRole('textbox', { name: /Organisaation nimi/ });
    await user.type(name, 'n');
    expect(screen.getByText(/Olet muuttamassa vahvistetun organisaation nimeä tai Y-tunnusta/)).toBeTruthy();
    // Back to the name it had: nothing changes.
    await user.type(name, '{Backspace}');
    expect(screen.queryByText(/Olet muuttamassa/)).toBeNull();
  });

  it('says nothing of verification for an organisation that is not verified', () => {
    renderForm(organisation({ verified: false, verifiedAt: null }));
    expect(screen.queryByText(/vahvistus poistuu/)).toBeNull();
  });
});
