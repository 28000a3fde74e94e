/** axe-core in the page: every browser test's accessibility check. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core's violations on the page as the browser lays it out (colour contrast included), as
 * "rule: help (targets)"; React Aria's live announcer left out (see results.test.ts).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (
          context: object,
          options: object,
        ) => Promise<{ violations: { id: string; help: string; nodes: { target: string[]; html: string }[] }[] }>;
      };
    };
    const result = await axe.run(
      { include: [document], exclude: [['[data-live-announcer]']] },
      { resultTypes: ['violations'] },
    );
    return result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.html.slice(0, 120)}`).join(', ')})`,
    );
  });
}
