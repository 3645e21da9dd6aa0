/**
 * The layers of ARCHITECTURE.md hold only if imports point one way. The eslint
 * rule import-x/no-cycle ignores `import type`; this test counts every import,
 * type-only and dynamic ones included.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importCycles, importGraph, type ImportGraph } from './support/importGraph.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const describeCycles = (cycles: string[][]) => cycles.map((files) => files.join(' <-> ')).join('\n');

describe('the import graph of src/', () => {
  it('has no cycle, type-only imports included', () => {
    const graph = importGraph(ROOT);
    // The graph is the real one: it holds the CLI's entry point and its first import.
    expect(graph.get('src/cli/main.ts')).toContain('src/cli/commands.ts');
    expect(graph.size).toBeGreaterThan(100);
    const cycles = importCycles(graph);
    expect(cycles, `import cycles in src/:\n${describeCycles(cycles)}`).toEqual([]);
  });
});

describe('the cycle finder', () => {
  it('finds every cycle of a synthetic graph, self-imports included, and nothing else', () => {
    const graph: ImportGraph = new Map([
      ['a', ['b']],
      ['b', ['c', 'e']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['f']],
      ['f', []],
      ['g', ['h']],
      ['h', ['g', 'a']],
    ]);
    expect(importCycles(graph)).toEqual([['a', 'b', 'c'], ['d'], ['g', 'h']]);
    expect(
      importCycles(
        new Map([
          ['a', ['b']],
          ['b', []],
        ]),
      ),
    ).toEqual([]);
  });

  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

  it('reads type-only, re-export and dynamic imports from files', async () => {
    const root = await mkdtemp(join(tmpdir(), 'import-graph-'));
    dirs.push(root);
    await mkdir(join(root, 'src/deep'), { recursive: true });
    await writeFile(
      join(root, 'src/issue.ts'),
      "import type { Summary } from './deep/summary.ts';\nexport type Issue = { summary: Summary };\n",
    );
    await writeFile(
      join(root, 'src/deep/summary.ts'),
      "import type { Issue } from '../issue.ts';\nexport type Summary = { issues: Issue[] };\n",
    );
    await writeFile(
      join(root, 'src/index.ts'),
      "export * from './issue.ts';\nexport const later = () => import('./lazy.ts');\n",
    );
    await writeFile(
      join(root, 'src/lazy.ts'),
      "import { later } from './index.ts';\nexport default later;\nimport 'node:fs';\n",
    );
    const graph = importGraph(root);
    expect(Object.fromEntries(graph)).toEqual({
      'src/deep/summary.ts': ['src/issue.ts'],
      'src/index.ts': ['src/issue.ts', 'src/lazy.ts'],
      'src/issue.ts': ['src/deep/summary.ts'],
      'src/lazy.ts': ['src/index.ts'],
    });
    const cycles = importCycles(graph);
    expect(cycles).toEqual([
      ['src/deep/summary.ts', 'src/issue.ts'],
      ['src/index.ts', 'src/lazy.ts'],
    ]);
    expect(describeCycles(cycles)).toBe('src/deep/summary.ts <-> src/issue.ts\nsrc/index.ts <-> src/lazy.ts');
  });
});
