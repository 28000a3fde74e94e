/**
 * CSV that is safe to open in a spreadsheet. A cell that starts with =, +, -, @, a tab or a carriage
 * return is read by Excel, LibreOffice and Google Sheets as a formula, which can fetch URLs, run
 * DDE commands or mislead the reader (=HYPERLINK(…)). OWASP's advice (CSV injection): prefix such a
 * cell with an apostrophe, which the spreadsheet shows as text and does not display.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell of text that came from a person (a name, an address): never read as a formula. */
export function textCell(value: string | null | undefined): string {
  const text = value ?? '';
  return FORMULA_START.test(text) ? `'${text}` : text;
}
