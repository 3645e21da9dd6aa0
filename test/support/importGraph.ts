/**
 * The import graph of src/, type-only imports included (the eslint rule
 * import-x/no-cycle skips `import type`, but a type cycle still ties two
 * modules together), and its cycles as strongly connected components.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** File -> the files it imports (relative paths from `root`, sorted). */
export type ImportGraph = Map<string, string[]>;

/** Every .ts file under `dir`, absolute paths. */
function typeScriptFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The file a relative specifier names, trying `.ts` and `/index.ts` as TypeScript does; null outside `files`. */
function resolveSpecifier(from: string, specifier: string, files: Set<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts'), base.replace(/\.js$/, '.ts')]) {
    if (files.has(candidate)) return candidate;
  }
  return null;
}

/**
 * Reads every .ts file under `root/dir` with TypeScript's `preProcessFile`,
 * which lists static, type-only, re-export and dynamic `import()` specifiers.
 */
export function importGraph(root: string, dir = 'src'): ImportGraph {
  const files = typeScriptFiles(join(root, dir));
  const known = new Set(files);
  const graph: ImportGraph = new Map();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = new Set<string>();
    for (const { fileName } of importedFiles) {
      const target = resolveSpecifier(file, fileName, known);
      if (target) targets.add(relative(root, target));
    }
    graph.set(relative(root, file), [...targets].sort());
  }
  return graph;
}

/**
 * The cycles of a graph: each strongly connected component of two or more
 * files, or of one file importing itself, as its files sorted (Tarjan's
 * algorithm, iterative so a deep graph cannot overflow the stack).
 */
export function importCycles(graph: ImportGraph): string[][] {
  const index = new Map<string, number>();
  const lowLink = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const start of graph.keys()) {
    if (index.has(start)) continue;
    const work: { node: string; next: number }[] = [{ node: start, next: 0 }];
    index.set(start, counter);
    lowLink.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    for (let frame = work.at(-1); frame !== undefined; frame = work.at(-1)) {
      const edges = graph.get(frame.node) ?? [];
      const target = edges.at(frame.next);
      if (target !== undefined) {
        frame.next++;
        if (!index.has(target)) {
          index.set(target, counter);
          lowLink.set(target, counter++);
          stack.push(target);
          onStack.add(target);
          work.push({ node: target, next: 0 });
        } else if (onStack.has(target)) {
          lowLink.set(frame.node, Math.min(lowLink.get(frame.node)!, index.get(target)!));
        }
        continue;
      }
      work.pop();
      const parent = work.at(-1);
      if (parent) lowLink.set(parent.node, Math.min(lowLink.get(parent.node)!, lowLink.get(frame.node)!));
      if (lowLink.get(frame.node) !== index.get(frame.node)) continue;
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== frame.node);
      if (component.length > 1 || edges.includes(frame.node)) cycles.push(component.sort());
    }
  }
  return cycles;
}
