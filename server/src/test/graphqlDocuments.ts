/**
 * Every GraphQL document the clients send, found in their source: the web app's (exported from
 * each feature's operations module and the session's tokens module) and the browser tests' (string
 * literals in e2e). The limits test runs them through the server's pipeline; the contract test
 * validates them against the server's schema.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { print, type DocumentNode } from 'graphql';
import ts from 'typescript';

/** A document as text, named by where it is written. */
export interface ClientDocument {
  name: string;
  source: string;
}

export const WEB_SRC = resolve(import.meta.dirname, '../../../web/src');
export const E2E_ROOT = resolve(import.meta.dirname, '../../../e2e');

/** Source files under a directory, tests included or not, dependencies and artefacts never. */
function sources(dir: string, { tests }: { tests: boolean }): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      return name === 'node_modules' || name === 'artifacts' || name === 'dist' ? [] : sources(path, { tests });
    }
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') && (tests || !/\.test\.tsx?$/.test(name)) ? [path] : [];
  });
}

/** Files under web/src (tests left out). */
export const webSources = (): string[] => sources(WEB_SRC, { tests: false });

/** Modules whose exported documents are the web app's: each feature's operations, and the session's own. */
export const WEB_DOCUMENT_MODULES = [
  ...readdirSync(join(WEB_SRC, 'features'))
    .map((feature) => join(WEB_SRC, 'features', feature, 'operations', 'index.ts'))
    .filter(existsSync),
  join(WEB_SRC, 'shared', 'session', 'tokens.ts'),
];

/** A GraphQL operation written as a template: what a page that wrote its own query would look like. */
export const WRITES_DOCUMENT = /`\s*(query|mutation|subscription)(\s+\w+)?\s*[({]/;

/** Text that starts like an operation: `query`, `mutation` or `subscription`, a name or variables, then `{`. */
const OPERATION = /^\s*(query|mutation|subscription)\b[^{}]*\{/;

const isDocument = (value: unknown): value is DocumentNode =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Document';

/** Every GraphQL document the web app sends. */
export async function webDocuments(): Promise<ClientDocument[]> {
  const documents: ClientDocument[] = [];
  for (const file of WEB_DOCUMENT_MODULES) {
    const exports = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) {
      const where = `${relative(WEB_SRC, file)}: ${name}`;
      // An operation is its text (web/src/shared/graphql/document.ts), or a parsed document.
      if (typeof value === 'string' && OPERATION.test(value)) documents.push({ name: where, source: value });
      if (isDocument(value)) documents.push({ name: where, source: print(value) });
      if (name === 'SESSION_DOCUMENTS') {
        for (const [key, source] of Object.entries(value as Record<string, string>)) {
          documents.push({ name: `${where}.${key}`, source });
        }
      }
    }
  }
  return documents;
}

/**
 * Every GraphQL document in the browser tests (e2e/, support code included): each `gql`-tagged
 * template, and any other string that reads as an operation. `interpolated` names those built
 * with `${…}`, which cannot be checked before they run.
 */
export function e2eDocuments(): { documents: ClientDocument[]; interpolated: string[] } {
  const documents: ClientDocument[] = [];
  const interpolated: string[] = [];
  for (const file of sources(E2E_ROOT, { tests: true })) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const where = (node: ts.Node) =>
      `e2e/${relative(E2E_ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const visit = (node: ts.Node): void => {
      const tagged = ts.isTaggedTemplateExpression(node) && node.tag.getText(source) === 'gql';
      const template = tagged ? node.template : node;
      if (ts.isStringLiteral(template) || ts.isNoSubstitutionTemplateLiteral(template)) {
        if (tagged || OPERATION.test(template.text)) documents.push({ name: where(node), source: template.text });
        return;
      }
      if (ts.isTemplateExpression(template) && (tagged || OPERATION.test(template.head.text))) {
        interpolated.push(where(node));
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { documents, interpolated };
}
