/** The figures' definitions are documented in one place: the README's table is REPORT_TEXTS.en. */
import { readFileSync } from 'node:fs';
import { REPORT_FIGURES, REPORT_TEXTS } from '@keskusvaraamo/shared';
import { describe, expect, it } from 'vitest';

describe('the report figures in the README', () => {
  it('are the definitions the README documents', () => {
    const readme = readFileSync(new URL('../../../../README.md', import.meta.url), 'utf8');
    const table = readme.split('<!-- report-figures:start -->')[1]!.split('<!-- report-figures:end -->')[0]!;
    const rows = REPORT_FIGURES.map((f) => `| ${REPORT_TEXTS.en[f].label} | ${REPORT_TEXTS.en[f].definition} |`);
    expect(table.trim().split('\n').slice(2)).toEqual(rows);
  });
});
