import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  APPLICATION_ACTIONS,
  APPLICATION_ACTORS,
  APPLICATION_STATES,
  BOOKING_STATES,
  CANCEL_REASONS,
  CONVERSATION_SUBJECT_KINDS,
  DELIVERY_CHANNELS,
  ERROR_CODES,
  LOCALES,
  MEMBERSHIP_ROLES,
  NEED_KINDS,
  NEED_STATES,
  NOTIFICATION_GROUPS,
  NOTIFICATION_TYPES,
  OFFER_KINDS,
  OFFER_STATES,
  ORGANISATION_KINDS,
  PAY_KINDS,
  REPORT_TEXTS,
  SAVED_SEARCH_ALERTS,
  SEARCH_KINDS,
  SEARCH_SORTS,
  SELF_SERVICE_ROLES,
  STUDY_LEVELS,
  USER_ROLES,
} from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';
import { BOARD_COLUMNS } from '../features/applications/operations';
import { BAND_FIGURES } from '../features/landing/components/ResultsBand';
import en from './en.json';
import fi from './fi.json';
import sv from './sv.json';

type Tree = { [key: string]: string | Tree };
const catalogues: Record<(typeof LOCALES)[number], Tree> = { fi, sv, en };

const here = dirname(fileURLToPath(import.meta.url));
const webSrc = join(here, '..');
const sharedSrc = join(here, '../../../shared/src');
const serverSrc = join(here, '../../../server/src');

/** Every leaf key with its value: "errors.VALIDATION" → "Tarkista…". */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null) flatten(value, path).forEach((v, k) => out.set(k, v));
    else out.set(path, value);
  }
  return out;
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(catalogues[locale])])) as Record<
  (typeof LOCALES)[number],
  Map<string, unknown>
>;

/** i18next resolves "x.count" from "x.count_one"/"x.count_other", so either form counts. */
function has(locale: (typeof LOCALES)[number], key: string): boolean {
  const keys = flat[locale];
  return keys.has(key) || (keys.has(`${key}_one`) && keys.has(`${key}_other`));
}

function sourceFiles(dir: string, accept: (name: string) => boolean): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path, accept);
    return accept(name) ? [path] : [];
  });
}

describe('locale catalogues', () => {
  it.each(LOCALES)('%s has a catalogue for every supported locale', (locale) => {
    expect(flat[locale].size).toBeGreaterThan(0);
  });

  for (const a of LOCALES) {
    for (const b of LOCALES) {
      if (a === b) continue;
      it(`every key in ${a} is also in ${b}`, () => {
        const missing = [...flat[a].keys()].filter((key) => !flat[b].has(key));
        expect(missing, `keys in ${a} missing from ${b}`).toEqual([]);
      });
    }
  }

  it.each(LOCALES)('%s has no empty or non-string values', (locale) => {
    const bad = [...flat[locale].entries()]
      .filter(([, value]) => typeof value !== 'string' || value.trim() === '')
      .map(([key]) => key);
    expect(bad).toEqual([]);
  });

  it.each(LOCALES)('%s keeps the same interpolation variables as Finnish', (locale) => {
    const variables = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const differing = [...flat.fi.entries()]
      .filter(
        ([key, value]) =>
          !key.match(/_(one|other)$/) &&
          JSON.stringify(variables(value)) !== JSON.stringify(variables(flat[locale].get(key))),
      )
      .map(([key]) => key);
    expect(differing).toEqual([]);
  });

  it('keeps the site name, a proper name, the same in every language', () => {
    for (const locale of LOCALES) expect(flat[locale].get('app.name')).toBe('Osaamisen keskusvaraamo');
  });

  it('names the unmet demand pages and the front page’s figures as the report names the figures', () => {
    for (const locale of LOCALES) {
      expect(flat[locale].get('nav.unmetDemand')).toBe(REPORT_TEXTS[locale].unmetDemand.label);
      for (const figure of BAND_FIGURES)
        expect(flat[locale].get(`landing.figures.labels.${figure}`)).toBe(REPORT_TEXTS[locale][figure].label);
    }
  });
});

describe('keys the code depends on', () => {
  const schemaKeys = new Set(
    sourceFiles(sharedSrc, (name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/['"`](validation\.[A-Za-z]+)['"`]/g)].map((m) => m[1]!),
    ),
  );

  it('finds the validation keys of the shared schemas', () => {
    expect(schemaKeys.size).toBeGreaterThan(5);
    expect(schemaKeys).toContain('validation.required');
  });

  it.each(LOCALES)('%s translates every validation message of the shared schemas', (locale) => {
    expect([...schemaKeys].filter((key) => !has(locale, key))).toEqual([]);
  });

  // The server's own field messages (a taken business ID, a forged cursor…) reach the forms too.
  const serverKeys = new Set(
    sourceFiles(serverSrc, (name) => name.endsWith('.ts') && !name.endsWith('.test.ts')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/['"`](validation\.[A-Za-z]+)['"`]/g)].map((m) => m[1]!),
    ),
  );

  it('finds the validation keys the server sends', () => {
    expect(serverKeys).toContain('validation.cursor');
  });

  it.each(LOCALES)('%s translates every validation message the server sends', (locale) => {
    expect([...serverKeys].filter((key) => !has(locale, key))).toEqual([]);
  });

  it.each(LOCALES)('%s translates every error code', (locale) => {
    expect(ERROR_CODES.map((code) => `errors.${code}`).filter((key) => !has(locale, key))).toEqual([]);
  });

  it.each(LOCALES)('%s labels every role, organisation kind and membership role', (locale) => {
    const keys = [
      ...USER_ROLES.map((role) => `roles.${role}`),
      ...SELF_SERVICE_ROLES.map((role) => `signUp.roleDescriptions.${role}`),
      ...ORGANISATION_KINDS.map((kind) => `organisationKinds.${kind}`),
      ...MEMBERSHIP_ROLES.map((role) => `membershipRoles.${role}`),
    ];
    expect(keys.filter((key) => !has(locale, key))).toEqual([]);
  });

  it.each(LOCALES)('%s labels every marketplace enum and language', (locale) => {
    const keys = [
      ...NEED_KINDS.map((kind) => `needKinds.${kind}`),
      ...NEED_KINDS.map((kind) => `needs.kindDescriptions.${kind}`),
      ...NEED_STATES.map((state) => `needStates.${state}`),
      ...NEED_STATES.map((state) => `needs.actions.help.${state}`),
      ...OFFER_KINDS.map((kind) => `offerKinds.${kind}`),
      ...OFFER_KINDS.map((kind) => `offers.kindDescriptions.${kind}`),
      ...OFFER_STATES.map((state) => `offerStates.${state}`),
      ...OFFER_STATES.map((state) => `offers.actions.help.${state}`),
      ...STUDY_LEVELS.map((level) => `studyLevels.${level}`),
      ...PAY_KINDS.map((kind) => `payKinds.${kind}`),
      ...SEARCH_KINDS.map((kind) => `searchKinds.${kind}`),
      ...SEARCH_SORTS.map((sort) => `searchSorts.${sort}`),
      ...LOCALES.map((language) => `languages.${language}`),
      ...BOOKING_STATES.map((state) => `bookingStates.${state}`),
      ...CANCEL_REASONS.map((reason) => `bookings.cancelReasons.${reason}`),
      ...CANCEL_REASONS.map((reason) => `bookings.cancelReasonsOrganiser.${reason}`),
    ];
    expect(keys.filter((key) => !has(locale, key))).toEqual([]);
  });

  it.each(LOCALES)(
    '%s words and labels every notification type, group and delivery channel, and every alert',
    (locale) => {
      const keys = [
        ...NOTIFICATION_TYPES.map((type) => `notifications.types.${type}`),
        ...NOTIFICATION_TYPES.map((type) => `notifications.typeLabels.${type}`),
        ...Object.keys(NOTIFICATION_GROUPS).map((group) => `notifications.groups.${group}`),
        ...DELIVERY_CHANNELS.map((channel) => `notifications.channels.${channel}`),
        ...DELIVERY_CHANNELS.map((channel) => `notifications.channelHelp.${channel}`),
        ...SAVED_SEARCH_ALERTS.map((alert) => `savedSearches.alerts.${alert}`),
        ...SAVED_SEARCH_ALERTS.map((alert) => `savedSearches.alertHelp.${alert}`),
      ];
      expect(keys.filter((key) => !has(locale, key))).toEqual([]);
    },
  );

  it.each(LOCALES)('%s words every application state, step, actor and action, and each conversation kind', (locale) => {
    const keys = [
      ...APPLICATION_STATES.map((state) => `applicationStates.${state}`),
      ...APPLICATION_STATES.map((state) => `applications.events.${state}`),
      ...APPLICATION_STATES.map((state) => `applications.studentHelp.${state}`),
      ...APPLICATION_ACTORS.map((actor) => `applications.actors.${actor}`),
      ...APPLICATION_ACTIONS.flatMap((action) =>
        ['button', 'title', 'body', 'done'].map((part) => `applications.actions.${action}.${part}`),
      ),
      ...BOARD_COLUMNS.map((state) => `applications.board.columns.${state}`),
      ...CONVERSATION_SUBJECT_KINDS.map((kind) => `conversations.kinds.${kind}`),
      ...CONVERSATION_SUBJECT_KINDS.map((kind) => `conversations.kindsAbout.${kind}`),
    ];
    expect(keys.filter((key) => !has(locale, key))).toEqual([]);
  });

  it.each(LOCALES)('%s has every key the web app names literally in t()', (locale) => {
    const used = new Set(
      sourceFiles(webSrc, (name) => /\.tsx?$/.test(name) && !name.endsWith('.test.ts')).flatMap((file) =>
        [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_.]+)'/g)].map((m) => m[1]!),
      ),
    );
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !has(locale, key))).toEqual([]);
  });
});
