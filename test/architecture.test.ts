/**
 * The import graph of src/, read with the TypeScript compiler: no cycles between files or
 * between the folders under src/, and no module outside src/cli/ importing from src/cli/.
 * docs/architecture.md explains the layers these rules keep apart.
 *
 * An import counts when it brings in code at run time: static and dynamic (`await import()`)
 * imports and re-exports. `import type`, `export type` and imports whose every name is marked
 * `type` are erased by the compiler and do not count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

type Graph = Map<string, Set<string>>;

/** Every .ts file under src/, as a path relative to the repository with forward slashes. */
function sourceFiles(dir = join(ROOT, 'src')): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(ROOT, path).split('\\').join('/')] : [];
  });
}

function isTypeOnlyImport(node: ts.ImportDeclaration): boolean {
  const clause = node.importClause;
  if (!clause) return false; // `import './x.js'` runs the module
  if (clause.isTypeOnly) return true;
  const named = clause.namedBindings;
  return !clause.name && named !== undefined && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

function isTypeOnlyExport(node: ts.ExportDeclaration): boolean {
  if (node.isTypeOnly) return true;
  const named = node.exportClause;
  return named !== undefined && ts.isNamedExports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
}

/** The relative module specifiers a file loads at run time. */
function runtimeImports(text: string, file: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !isTypeOnlyImport(node)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier) && !isTypeOnlyExport(node)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [spec] = node.arguments;
      // A computed specifier cannot be followed; src/ has none, and this makes sure of it.
      if (!spec || !ts.isStringLiteralLike(spec)) throw new Error(`${file}: import() with a computed specifier`);
      found.push(spec.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found.filter((spec) => spec.startsWith('.'));
}

function importGraph(): Graph {
  const graph: Graph = new Map();
  for (const file of sourceFiles()) {
    const targets = runtimeImports(readFileSync(join(ROOT, file), 'utf8'), file).map((spec) =>
      relative(ROOT, resolve(ROOT, dirname(file), spec)).split('\\').join('/').replace(/\.js$/, '.ts'),
    );
    graph.set(file, new Set(targets));
  }
  return graph;
}

/** The folder a file belongs to for the layer rules: src/<folder>/…; src/cli/commands is part of cli. */
const folderOf = (file: string): string => file.split('/')[1]!;

function folderGraph(files: Graph): Graph {
  const graph: Graph = new Map();
  for (const [from, targets] of files) {
    const edges = graph.get(folderOf(from)) ?? new Set<string>();
    for (const to of targets) if (folderOf(to) !== folderOf(from)) edges.add(folderOf(to));
    graph.set(folderOf(from), edges);
  }
  return graph;
}

/** Strongly connected components with more than one member (Tarjan): each one is a cycle. */
function cycles(graph: Graph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const connect = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        connect(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || graph.get(node)?.has(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) connect(node);
  return found.map((c) => c).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** Which files of a cycle import which: the message a failing test shows. */
function explain(graph: Graph, component: string[]): string {
  const inside = new Set(component);
  return component.flatMap((from) => [...(graph.get(from) ?? [])].filter((to) => inside.has(to)).map((to) => `${from} -> ${to}`)).join('\n');
}

/**
 * The folders under src/, from the command line down to the core: a folder imports only
 * folders after it (docs/architecture.md shows the same list).
 */
const LAYERS = ['cli', 'form', 'interview', 'report', 'plan', 'scoring', 'session', 'framework', 'privacy', 'yaml', 'i18n', 'core'];

describe('the import graph of src/', () => {
  const files = importGraph();

  it('reads every file and sees the imports it should (the reader itself works)', () => {
    expect(files.size).toBeGreaterThan(100);
    // A static import, a dynamic one, and a type-only one that must not count.
    expect(files.get('src/cli/main.ts')).toContain('src/cli/program.ts'); // await import('./program.js')
    expect(files.get('src/cli/main.ts')).toContain('src/core/terminal.ts');
    expect(runtimeImports("import type { A } from './a.js';\nimport { type B } from './b.js';\nexport type { C } from './c.js';", 'x.ts')).toEqual([]);
    expect(runtimeImports("import { type A, b } from './a.js';\nimport './side.js';\nexport { c } from './c.js';\nawait import('./d.js');", 'x.ts')).toEqual([
      './a.js',
      './side.js',
      './c.js',
      './d.js',
    ]);
    expect(cycles(new Map([['a', new Set(['b'])], ['b', new Set(['c'])], ['c', new Set(['a'])], ['d', new Set(['a'])]]))).toEqual([['a', 'b', 'c']]);
  });

  it('has no cycle between files (type-only imports excepted)', () => {
    const found = cycles(files);
    expect(found.map((c) => explain(files, c))).toEqual([]);
  });

  it('has no cycle between the folders under src/', () => {
    const folders = folderGraph(files);
    const found = cycles(folders).map((component) => {
      const inside = new Set(component);
      const why = [...files].flatMap(([from, targets]) =>
        [...targets].filter((to) => folderOf(to) !== folderOf(from) && inside.has(folderOf(from)) && inside.has(folderOf(to))).map((to) => `${from} -> ${to}`),
      );
      return `${component.join(' <-> ')}:\n${why.join('\n')}`;
    });
    expect(found).toEqual([]);
  });

  it('has every folder import only folders below it in LAYERS, and every folder in LAYERS', () => {
    const folders = folderGraph(files);
    expect([...folders.keys()].filter((f) => !LAYERS.includes(f))).toEqual([]);
    const upward = [...files].flatMap(([from, targets]) =>
      [...targets].filter((to) => LAYERS.indexOf(folderOf(to)) < LAYERS.indexOf(folderOf(from))).map((to) => `${from} -> ${to}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no module outside src/cli/ importing from src/cli/: the domain knows nothing of the command line', () => {
    const found = [...files].flatMap(([from, targets]) =>
      from.startsWith('src/cli/') ? [] : [...targets].filter((to) => to.startsWith('src/cli/')).map((to) => `${from} -> ${to}`),
    );
    expect(found).toEqual([]);
  });
});
