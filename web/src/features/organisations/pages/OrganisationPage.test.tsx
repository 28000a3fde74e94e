// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { axeViolations } from '../../../shared/testing/axe';
import { fakeGraphql, prepareDom, renderRoutes, type SentOperation } from '../../../shared/testing';
import type { SearchResult } from '../../search/operations';
import { searchResult } from '../../search/testing';
import { OrganisationPage } from './OrganisationPage';

// A visitor: the public page as anyone sees it.
vi.mock('../../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../shared/session')>()),
  useSession: () => ({ status: 'visitor', user: null }),
}));

const ORG_ID = '5b0e7a8c-0d55-4a4e-9d59-3f6f1c1a2b3c';

const organisation = {
  id: ORG_ID,
  name: 'Lapin ammattiopisto',
  kind: 'EDUCATIONAL',
  businessId: '1234567-8',
  municipalityCode: '698',
  website: null,
  description: 'Ammatillista koulutusta Lapissa.',
  verified: true,
  verifiedAt: '2026-01-10T10:00:00Z',
  createdAt: '2025-12-01T10:00:00Z',
  myRole: null,
  members: null,
  invitations: null,
};

const result = (id: string, title: string, kind: SearchResult['kind'] = 'COURSE'): SearchResult =>
  kind === 'COURSE'
    ? searchResult({ id, title, priceCents: 12_000, seatsFree: 4, nextStartsAt: '2027-02-01T07:00:00Z' })
    : searchResult({ id, title, kind });

/** The organisation's items ten at a time, as the search answers for `organisationId`. */
function server(items: SearchResult[]) {
  return fakeGraphql((operation: SentOperation) => {
    if (operation.operationName === 'Organisation') return { data: { organisation } };
    if (operation.operationName === 'SearchResults') {
      const { filter, first, after } = operation.variables as { filter: object; first: number; after: string | null };
      expect(filter).toEqual({ organisationId: ORG_ID });
      const start = after ? Number(after) : 0;
      const nodes = items.slice(start, start + first);
      const end = start + nodes.length;
      return {
        data: {
          search: {
            nodes,
            totalCount: items.length,
            pageInfo: { hasNextPage: end < items.length, endCursor: String(end) },
          },
        },
      };
    }
    return { data: null };
  });
}

const renderOrganisation = (fake: ReturnType<typeof server>) =>
  renderRoutes(
    [{ path: '/organisations/:id', element: <OrganisationPage /> }],
    `/organisations/${ORG_ID}`,
    fake.client,
  );

describe("an organisation's public page", () => {
  beforeEach(() => prepareDom());
  afterEach(() => cleanup());

  it('lists what it has published, ten at a time', async () => {
    const items = [
      ...Array.from({ length: 11 }, (_, i) => result(`c${i}`, `Tulityö ${i + 1}`)),
      result('p1', 'Sähköalan ryhmä', 'STUDENT_POOL'),
    ];
    renderOrganisation(server(items));
    const list = await screen.findByRole('list', { name: 'Organisaation julkaisemat' });
    expect(within(list).getAllByRole('link')).toHaveLength(10);
    expect(screen.getByRole('heading', { level: 2, name: 'Julkaistut kurssit ja avoimet paikat' })).toBeTruthy();
    await userEvent.setup().click(screen.getByRole('button', { name: /Näytä lisää/ }));
    await within(list).findByRole('link', { name: /^Sähköalan/ });
    expect(within(list).getAllByRole('link', { name: /^Tulityö \d/ })).toHaveLength(11);
    expect(screen.queryByRole('button', { name: /Näytä lisää/ })).toBeNull();
    expect(await axeViolations(document.body)).toEqual([]);
  });

  it('says so when nothing is published', async () => {
    renderOrganisation(server([]));
    await screen.findByText(
      'Organisaatiolla ei ole juuri nyt julkaistuja kursseja, opiskelijaryhmiä eikä avoimia paikkoja.',
    );
  });
});
