/**
 * The module boundaries, checked from the source (README "Architecture" says why they are so):
 * - another module is reached only through its `index.ts` (and its `tables.ts`, for foreign keys
 *   and typed reads); lint enforces the same rule while editing;
 * - the modules' dependencies form no cycle, and are the ones the README's diagram draws;
 * - a module writes only its own tables, and its raw SQL never names another module's table by
 *   string (interpolate the table object, so a rename is a type error, not a run-time one);
 * - every list pages with the one keyset helper;
 * - a service file stays small enough to read.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));
const MODULES_DIR = join(SRC, 'modules');
const README = resolve(SRC, '../../README.md');

const MODULES = readdirSync(MODULES_DIR).filter((name) => statSync(join(MODULES_DIR, name)).isDirectory());

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const FILES = sourceFiles(SRC);
const isTest = (file: string) => /\.test\.ts$/.test(file);
const moduleOf = (file: string): string | null => {
  const rel = relative(MODULES_DIR, file);
  return rel.startsWith('..') ? null : rel.split(/[\\/]/)[0]!;
};

interface Import {
  from: string;
  target: string;
  specifiers: string[];
}

const IMPORT = /(?:import|export)\s+(?:type\s+)?([\s\S]*?)\s+from\s+'([^']+)'|import\(\s*'([^']+)'\s*\)/g;

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const spec = match[2] ?? match[3]!;
    if (!spec.startsWith('.')) continue;
    const target = resolve(dirname(file), spec).replace(/\.js$/, '.ts');
    const specifiers = (match[1] ?? '')
      .replace(/[{}]/g, '')
      .split(',')
      .map((s) =>
        s
          .trim()
          .replace(/^type\s+/, '')
          .split(/\s+as\s+/)
          .pop()!
          .trim(),
      )
      .filter(Boolean);
    found.push({ from: file, target, specifiers });
  }
  return found;
}

const IMPORTS = FILES.flatMap(importsOf);

/** module → the modules its code (tests aside) imports. */
function moduleGraph(): Map<string, Set<string>> {
  const graph = new Map(MODULES.map((m) => [m, new Set<string>()]));
  for (const imp of IMPORTS) {
    const from = moduleOf(imp.from);
    const to = moduleOf(imp.target);
    if (from && to && from !== to && !isTest(imp.from)) graph.get(from)!.add(to);
  }
  return graph;
}

function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'visiting') return [...path.slice(path.indexOf(node)), node];
    state.set(node, 'visiting');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

/** The edges of the README's module diagram (a Mermaid `flowchart` of `a --> b & c` lines). */
function readmeEdges(): Set<string> {
  const text = readFileSync(README, 'utf8');
  const block = /<!-- modules:start -->([\s\S]*?)<!-- modules:end -->/.exec(text);
  if (!block) return new Set();
  // One line per module: `bookings --> accounts & offers & messaging`.
  return new Set(
    [...block[1]!.matchAll(/^\s*(\w+)\s*-->\s*(\w+(?:\s*&\s*\w+)*)\s*$/gm)].flatMap((m) =>
      m[2]!.split('&').map((to) => `${m[1]} --> ${to.trim()}`),
    ),
  );
}

/** SQL name → owning module, from each module's tables.ts. */
async function tableOwners(): Promise<Map<string, string>> {
  const owners = new Map<string, string>();
  for (const module of MODULES) {
    const file = join(MODULES_DIR, module, 'tables.ts');
    if (!FILES.includes(file)) continue;
    const exported = (await import(file)) as Record<string, unknown>;
    for (const value of Object.values(exported)) {
      if (is(value, PgTable)) owners.set(getTableName(value), module);
    }
  }
  return owners;
}

/** The literal text of each sql`…` template in a file (interpolations left out). */
function rawSql(text: string): string[] {
  return [...text.matchAll(/\bsql(?:<[^>`]*>)?`((?:[^`\\]|\\.)*)`/g)].map((m) => m[1]!.replace(/\$\{[^}]*\}/g, ' ? '));
}

describe('module boundaries', () => {
  it('reaches another module only through its index.ts or tables.ts', () => {
    const offending = IMPORTS.filter((imp) => {
      const to = moduleOf(imp.target);
      if (!to || moduleOf(imp.from) === to) return false;
      const rel = relative(join(MODULES_DIR, to), imp.target);
      return rel !== 'index.ts' && rel !== 'tables.ts';
    }).map((imp) => `${relative(SRC, imp.from)} → ${relative(SRC, imp.target)}`);
    expect(offending).toEqual([]);
  });

  it('has no cycle between modules', () => {
    expect(findCycle(moduleGraph())).toBeNull();
  });

  it('matches the diagram in the README', () => {
    const actual = new Set<string>();
    for (const [from, tos] of moduleGraph()) for (const to of tos) actual.add(`${from} --> ${to}`);
    expect([...readmeEdges()].sort()).toEqual([...actual].sort());
  });

  it("writes another module's tables only through that module, and never names them in raw SQL", async () => {
    const owners = await tableOwners();
    const offending: string[] = [];
    for (const file of FILES) {
      const module = moduleOf(file);
      if (!module || isTest(file)) continue;
      const text = readFileSync(file, 'utf8');
      // Raw SQL naming a table by string.
      for (const fragment of rawSql(text)) {
        for (const m of fragment.matchAll(/\b(?:from|join|into|update|table)\s+"?([a-z_][a-z0-9_]*)"?/gi)) {
          const owner = owners.get(m[1]!.toLowerCase());
          if (owner && owner !== module) offending.push(`${relative(SRC, file)} names ${owner}'s table ${m[1]} in SQL`);
        }
      }
      // Query-builder writes to a table imported from another module.
      const foreign = new Set(
        importsOf(file)
          .filter((imp) => {
            const to = moduleOf(imp.target);
            return to && to !== module;
          })
          .flatMap((imp) => imp.specifiers),
      );
      for (const m of text.matchAll(/\.(insert|update|delete)\(\s*([A-Za-z_]\w*)\s*\)/g)) {
        if (foreign.has(m[2]!)) offending.push(`${relative(SRC, file)} ${m[1]}s ${m[2]} of another module`);
      }
    }
    expect(offending).toEqual([]);
  });

  it('pages every list with the one keyset helper', () => {
    const offending = FILES.filter((file) => moduleOf(file) && !isTest(file))
      .filter((file) =>
        importsOf(file).some(
          (imp) =>
            imp.target.endsWith('/lib/pagination.ts') &&
            imp.specifiers.some((s) => ['decodeCursor', 'decodeIdCursor', 'toConnection', 'encodeCursor'].includes(s)),
        ),
      )
      .map((file) => relative(SRC, file));
    expect(offending).toEqual([]);
  });

  it('keeps service files (commands, queries, loaders, jobs) near 300 lines at most', () => {
    const long = FILES.filter((file) => moduleOf(file) && !isTest(file))
      .filter((file) => /(service|commands|queries|loaders|jobs)(\/|[^/]*\.ts$)/.test(file))
      .map((file) => [relative(SRC, file), readFileSync(file, 'utf8').split('\n').length] as const)
      .filter(([, lines]) => lines > 330);
    expect(long).toEqual([]);
  });
});
