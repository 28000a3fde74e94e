/** Filling the web app's react-aria form controls the way a keyboard or pointer user does, and naming things. */
import type { Locator, Page } from 'playwright-core';

/**
 * Types a date (and time) into a react-aria DatePicker the way a keyboard user does: focus the
 * first segment and type the digits; each full segment moves on to the next one.
 */
export async function typeDate(field: Locator, digits: string): Promise<void> {
  await field.getByRole('spinbutton').first().click();
  await field.page().keyboard.type(digits);
}

/** A react-aria DatePicker by its label: the group of its segments. */
export function dateField(scope: Page | Locator, label: string): Locator {
  return scope.getByRole('group', { name: label, exact: true });
}

/** A day this many days ahead as a date field's digits, DDMMYYYY (in the test process's time zone). */
export function dateDigitsAhead(days: number): string {
  const day = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(day.getDate())}${pad(day.getMonth() + 1)}${day.getFullYear()}`;
}

/** Picks an option of a react-aria Select (its button found by label within the scope). */
export async function choose(page: Page, scope: Page | Locator, label: RegExp, option: string): Promise<void> {
  await scope.getByRole('button', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The text, matched literally inside a regular expression. */
export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A control's name with the context screen readers hear after its text ("Shortlist: Sami Aikio");
 * the browser may put a space before the colon of the visually hidden part.
 */
export const withContext = (label: string, context: string) =>
  new RegExp(`^${escapeRegExp(label)}\\s*: ${escapeRegExp(context)}$`);

/** A short suffix that makes a title or address unique to this run. */
export const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;
