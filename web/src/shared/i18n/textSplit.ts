/**
 * One language's texts in two parts: what the first page needs (the frame of every page, the
 * landing page and the error pages), and the rest, loaded with the first other page or when a
 * person signs in. The build makes both from locales/<lang>.json (vite.config.ts), so translators
 * keep one file per language.
 */

/** Key paths (a subtree each) in the first part; everything else is in the rest. */
export const FIRST_TEXT_PATHS = [
  'app',
  'common',
  'nav',
  'footer',
  'layout',
  'language',
  'userMenu',
  'landing',
  'searchKinds',
  // Prices, as the front page's courses show them.
  'offers.details.free',
  'offers.details.priceInclVat',
  'search.result.online',
  'search.result.remote',
  'notFound',
  'routeError',
  'forbidden',
  'roles',
  'notices',
  'errors',
  'legal.footer',
  'results.title',
  'results.fewerThan5',
  'results.municipalitiesReached',
  'reports.navLink',
  'admin.audit.nav',
] as const;

export type TextTree = { [key: string]: string | TextTree };

function pick(tree: TextTree, path: string[]): TextTree | string | undefined {
  let node: TextTree | string | undefined = tree;
  for (const key of path) node = typeof node === 'object' ? node[key] : undefined;
  return node;
}

function place(tree: TextTree, path: string[], value: TextTree | string): void {
  let node = tree;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (typeof next !== 'object') node[key] = {};
    node = node[key] as TextTree;
  }
  node[path[path.length - 1]!] = value;
}

function remove(tree: TextTree, path: string[]): void {
  const parent = pick(tree, path.slice(0, -1));
  if (typeof parent === 'object') delete parent[path[path.length - 1]!];
}

/** `texts` split at `paths`: together the two parts hold every text once. */
export function splitTexts(
  texts: TextTree,
  paths: readonly string[] = FIRST_TEXT_PATHS,
): { first: TextTree; rest: TextTree } {
  const first: TextTree = {};
  const rest = structuredClone(texts);
  for (const dotted of paths) {
    const path = dotted.split('.');
    const value = pick(texts, path);
    if (value === undefined) throw new Error(`No texts at ${dotted}`);
    place(first, path, structuredClone(value));
    remove(rest, path);
  }
  return { first, rest };
}
