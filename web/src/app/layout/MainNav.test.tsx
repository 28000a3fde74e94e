// @vitest-environment jsdom
import { act, cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { entrepreneurSession, fakeGraphql, prepareDom, renderWithApp } from '../../shared/testing';
import { Footer } from './Footer';
import { MainNav } from './MainNav';

const session = vi.hoisted(() => ({ current: null as unknown }));
vi.mock('../../shared/session', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../shared/session')>()),
  useSession: () => session.current,
}));
// The unread count has its own tests; here the links are what matters.
vi.mock('../../features/conversations', () => ({ useUnreadMessageCount: () => null }));

const withRoles = (roles: string[]) => ({
  status: 'signedIn' as const,
  user: { ...entrepreneurSession.user, id: `u-${roles.join('-')}`, roles },
});
const VISITOR = { status: 'visitor' as const, user: null };

/** The signed-in navigation's groups load with the session: waits for them (More is always one). */
const groupsLoaded = () => screen.findByRole('button', { name: 'Lisää' });

async function navLinks(ui = <MainNav />) {
  renderWithApp(ui, fakeGraphql(() => ({ data: null })).client);
  if ((session.current as { user: unknown }).user) await groupsLoaded();
  return within(screen.getByRole('navigation')).getAllByRole('link');
}
const unmetDemandLinks = async () => (await navLinks()).filter((link) => link.textContent === 'Vastaamaton kysyntä');

describe('the main navigation’s unmet demand link', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it.each([
    ['an educator', ['EDUCATOR']],
    ['a coordinator', ['COORDINATOR']],
    ['an educator who is also a coordinator', ['EDUCATOR', 'COORDINATOR']],
  ])('is there, once, for %s', async (_who, roles) => {
    session.current = withRoles(roles);
    const links = await unmetDemandLinks();
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('/unmet-demand');
  });

  it.each([
    ['an entrepreneur', withRoles(['ENTREPRENEUR'])],
    ['a student', withRoles(['STUDENT'])],
    ['an administrator', withRoles(['ADMIN'])],
    ['a visitor', VISITOR],
  ])('is not there for %s', async (_who, who) => {
    session.current = who;
    expect(await unmetDemandLinks()).toEqual([]);
  });
});

describe('the footer', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it.each([
    ['a visitor', VISITOR],
    ['a signed-in user', withRoles(['STUDENT'])],
  ])('links to the public results for %s', (_who, who) => {
    session.current = who;
    renderWithApp(<Footer />, fakeGraphql(() => ({ data: null })).client);
    // The footer has two navigations (the site's and the legal pages'); the link is in one of them.
    const results = screen.getAllByRole('link').find((link) => link.textContent === 'Tulokset');
    expect(results?.getAttribute('href')).toBe('/results');
  });
});

describe('the main navigation on a phone', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('folds a signed-in person’s links behind a Menu button that opens, closes on Escape and on choosing a page', async () => {
    session.current = withRoles(['ENTREPRENEUR', 'STUDENT']);
    const { router } = renderWithApp(<MainNav />, fakeGraphql(() => ({ data: null })).client, '/search');
    const user = userEvent.setup();
    const nav = screen.getByRole('navigation', { name: 'Päävalikko' });
    const toggle = within(nav).getByRole('button', { name: 'Valikko' });
    const list = within(nav).getAllByRole('list')[0]!;
    // The button names what it opens; the styles hide the list on a phone while it is folded.
    expect(toggle.getAttribute('aria-controls')).toBe(list.id);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(nav.className).not.toContain('main-nav--open');

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(nav.className).toContain('main-nav--open');
    await user.keyboard('{Escape}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);

    await user.click(toggle);
    await act(() => router.navigate('/my/needs'));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('leaves a visitor’s few links as they are, with no button', () => {
    session.current = VISITOR;
    renderWithApp(<MainNav />, fakeGraphql(() => ({ data: null })).client);
    const nav = screen.getByRole('navigation', { name: 'Päävalikko' });
    expect(within(nav).queryByRole('button')).toBeNull();
    expect(nav.className).not.toContain('main-nav--foldable');
  });
});

describe('the signed-in navigation on a wide screen', () => {
  beforeEach(() => prepareDom());
  afterEach(cleanup);

  it('keeps the everyday pages in the row and each role’s pages in a group, with the saved searches and organisations under More', async () => {
    session.current = withRoles(['ENTREPRENEUR', 'EDUCATOR']);
    renderWithApp(<MainNav />, fakeGraphql(() => ({ data: null })).client);
    await groupsLoaded();
    const nav = screen.getByRole('navigation', { name: 'Päävalikko' });
    const row = within(nav).getAllByRole('list')[0]!;
    const direct = [...row.children].flatMap((li) => {
      const link = li.querySelector(':scope > a');
      return link ? [link.textContent] : [];
    });
    expect(direct).toEqual(['Oma sivu', 'Haku', 'Omat varaukset', 'Viestit']);
    const groups = within(nav)
      .getAllByRole('button')
      .filter((button) => !button.classList.contains('main-nav__toggle'))
      .map((button) => button.textContent);
    expect(groups).toEqual(['Yritys', 'Koulutus', 'Lisää']);
    const company = within(nav).getByRole('list', { name: 'Yritys' });
    expect(
      within(company)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/my/needs', '/needs/new']);
    const more = within(nav).getByRole('list', { name: 'Lisää' });
    expect(
      within(more)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Tallennetut haut', 'Omat organisaatiot']);
  });

  it('opens a group by its button, closes it on Escape (focus back on the button), on a tap elsewhere and on choosing a page', async () => {
    session.current = withRoles(['ENTREPRENEUR']);
    const { router } = renderWithApp(<MainNav />, fakeGraphql(() => ({ data: null })).client, '/search');
    const user = userEvent.setup();
    const toggle = await screen.findByRole('button', { name: 'Yritys' });
    const list = screen.getByRole('list', { name: 'Yritys' });
    expect(toggle.getAttribute('aria-controls')).toBe(list.id);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await user.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    // Its links are next by Tab (links, not a menu).
    await user.tab();
    expect(document.activeElement?.textContent).toBe('Omat tarpeet');
    await user.keyboard('{Escape}');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(toggle);

    await user.click(toggle);
    await user.click(document.body);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');

    await user.click(toggle);
    await act(() => router.navigate('/my/needs'));
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    // The group of the page shown is marked.
    expect(toggle.className).toContain('nav-group__toggle--current');
  });
});
