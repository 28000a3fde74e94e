import axe from 'axe-core';

/**
 * axe-core's accessibility violations in `node` (by default the whole rendered document), as
 * "rule: help (targets)" lines, so that a failing test says what is wrong and where. WCAG 2.x A/AA
 * and axe's best practices, except what a component test cannot judge: colour contrast (jsdom lays
 * nothing out; the browser tests check it) and landmarks and the page's h1 (the app's layout gives
 * them; a test renders a page or a component without it).
 */
export async function axeViolations(node: Element = document.body): Promise<string[]> {
  const result = await axe.run(node, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: {
      'color-contrast': { enabled: false },
      region: { enabled: false },
      'landmark-one-main': { enabled: false },
      'page-has-heading-one': { enabled: false },
    },
    resultTypes: ['violations'],
  });
  return result.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}
