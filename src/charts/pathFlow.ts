/**
 * Path flow: the flow edges of spec §5.5 as a Sankey (d3-sankey lays it out,
 * Plot draws it on identity scales), nodes in columns by position; and the
 * top-paths table beside it. Edges describing fewer than k customers are left
 * out of the drawing, since a band's width would give the count away.
 *
 * @example
 *   renderSvg(pathFlowChart(paths(table, { depth: 4 }), { lang: 'en' }));
 */
import * as Plot from '@observablehq/plot';
import { sankey, type SankeyLink, type SankeyNode } from 'd3-sankey';
import type { PathsResult } from '../analytics/analyses/paths.ts';
import { cell, type ChartTable } from './chartTable.ts';
import { formatCount, formatPercent } from './format.ts';
import { label } from './labels.ts';
import { withMarkData } from './markData.ts';
import { countOrSuppressed, isSuppressed } from '../analytics/analyses/suppress.ts';
import { BASE_PLOT_OPTIONS, COLORS, labelWidth, seriesColor } from './theme.ts';
import type { Lang } from '../i18n/locales.ts';

export interface PathFlowOptions {
  lang: Lang;
  k?: number;
  width?: number;
  height?: number;
  /** Rows of the top-paths table; default 10. */
  topPaths?: number;
}

interface FlowNode {
  id: string;
  name: string;
  position: number;
}

interface FlowLink {
  source: string;
  target: string;
  value: number;
  customers: number;
}

type LaidNode = SankeyNode<FlowNode, FlowLink>;
type LaidLink = SankeyLink<FlowNode, FlowLink>;

const nodeId = (position: number, name: string) => `${position}\u0000${name}`;

/** The Sankey layout of the edges that may be published. */
export function flowLayout(result: PathsResult, options: PathFlowOptions, width: number, height: number) {
  const edges = result.edges.filter((edge) => !isSuppressed(edge.customers, options.k));
  // d3-sankey cannot lay out an empty graph (a 1-row log, or every edge under k): nothing to draw.
  if (!edges.length) return { nodes: [] as LaidNode[], links: [] as LaidLink[], hidden: result.edges.length };
  const nodes = new Map<string, FlowNode & { weight: number }>();
  const touch = (position: number, name: string, sessions: number) => {
    const id = nodeId(position, name);
    const node = nodes.get(id) ?? { id, name, position, weight: 0 };
    node.weight += sessions;
    nodes.set(id, node);
  };
  for (const edge of edges) {
    touch(edge.position, edge.source, edge.sessions);
    touch(edge.position + 1, edge.target, 0);
  }
  // Input order is the drawing order: by column, heaviest first, then by name.
  const ordered = [...nodes.values()].sort(
    (a, b) => a.position - b.position || b.weight - a.weight || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
  const layout = sankey<FlowNode, FlowLink>()
    .nodeId((node) => node.id)
    .nodeAlign((node) => (node as LaidNode & FlowNode).position - 1)
    .nodeSort(null)
    .nodeWidth(10)
    .nodePadding(14)
    .extent([
      [0, 0],
      [width, height],
    ]);
  const graph = layout({
    nodes: ordered.map(({ id, name, position }) => ({ id, name, position })),
    links: edges.map((edge) => ({
      source: nodeId(edge.position, edge.source),
      target: nodeId(edge.position + 1, edge.target),
      value: edge.sessions,
      customers: edge.customers,
    })),
  });
  return {
    nodes: graph.nodes as LaidNode[],
    links: graph.links as LaidLink[],
    hidden: result.edges.length - edges.length,
  };
}

export function pathFlowChart(result: PathsResult, options: PathFlowOptions): Plot.PlotOptions {
  const { lang } = options;
  const width = options.width ?? 640;
  const height = options.height ?? 320;
  const names = result.edges.flatMap((edge) => [edge.source, edge.target]);
  const labelRoom = Math.min(160, Math.max(40, ...names.map((name) => labelWidth(name) + 8)));
  const inner = width - labelRoom;
  const { nodes, links } = flowLayout(result, options, inner, height - 10);
  const colorOf = (name: string) => seriesColor([...new Set(nodes.map((node) => node.name))].indexOf(name));
  const source = (link: LaidLink) => link.source as LaidNode;
  const target = (link: LaidLink) => link.target as LaidNode;
  const sessions = label('sessions', lang);
  const customers = label('customers', lang);
  return {
    ...BASE_PLOT_OPTIONS,
    width,
    height: height + 10,
    margin: 0,
    marginTop: 5,
    marginRight: labelRoom,
    x: { type: 'identity', axis: null },
    y: { type: 'identity', axis: null },
    marks: [
      Plot.link(links, {
        x1: (link: LaidLink) => source(link).x1,
        y1: (link: LaidLink) => (link.y0 as number) + 5,
        x2: (link: LaidLink) => target(link).x0,
        y2: (link: LaidLink) => (link.y1 as number) + 5,
        curve: 'bump-x',
        stroke: (link: LaidLink) => colorOf(source(link).name),
        strokeOpacity: 0.45,
        strokeWidth: (link: LaidLink) => Math.max(1, link.width ?? 1),
        render: withMarkData((i) => ({
          tip: `${source(links[i]!).name} → ${target(links[i]!).name} · ${sessions}: ${formatCount(links[i]!.value, lang)} · ${customers}: ${formatCount(links[i]!.customers, lang)}`,
        })),
      }),
      Plot.rect(nodes, {
        x1: 'x0',
        x2: 'x1',
        y1: (node: LaidNode) => (node.y0 as number) + 5,
        y2: (node: LaidNode) => (node.y1 as number) + 5,
        fill: (node: LaidNode) => colorOf(node.name),
        render: withMarkData((i) => ({
          tip: `${label('position', lang)} ${nodes[i]!.position} · ${nodes[i]!.name} · ${sessions}: ${formatCount(nodes[i]!.value, lang)}`,
        })),
      }),
      Plot.text(nodes, {
        x: (node: LaidNode) => (node.x1 as number) + 4,
        y: (node: LaidNode) => ((node.y0 as number) + (node.y1 as number)) / 2 + 5,
        text: 'name',
        textAnchor: 'start',
        fill: COLORS.text,
        stroke: 'var(--bg)',
        strokeWidth: 3,
        paintOrder: 'stroke',
      }),
    ],
  };
}

/** The top paths, most sessions first, as the table beside the Sankey. */
export function topPathsTable(result: PathsResult, options: PathFlowOptions): ChartTable {
  const { lang, k } = options;
  const total = result.paths.reduce((sum, row) => sum + row.sessions, 0);
  return {
    columns: [
      { key: 'rank', label: '#', numeric: true },
      { key: 'path', label: label('path', lang) },
      { key: 'sessions', label: label('sessions', lang), numeric: true },
      { key: 'share', label: '%', numeric: true },
      { key: 'customers', label: label('customers', lang), numeric: true },
    ],
    rows: result.paths.slice(0, options.topPaths ?? 10).map((row, index) => {
      const hidden = isSuppressed(row.customers, k);
      const shown = (text: string, value: number) => (hidden ? cell(text, text) : cell(text, value));
      return [
        cell(String(index + 1), index + 1),
        cell(row.path.join(' → ')),
        shown(
          countOrSuppressed(row.sessions, hidden ? k : undefined, (n) => formatCount(n, lang)),
          row.sessions,
        ),
        shown(
          hidden ? countOrSuppressed(0, k, String) : formatPercent(total ? row.sessions / total : null, lang),
          total ? row.sessions / total : 0,
        ),
        shown(
          countOrSuppressed(row.customers, k, (n) => formatCount(n, lang)),
          row.customers,
        ),
      ];
    }),
  };
}

/** Every flow edge (the Sankey's data), suppressed edges marked `< k`. */
export function flowEdgesTable(result: PathsResult, options: PathFlowOptions): ChartTable {
  const { lang, k } = options;
  return {
    columns: [
      { key: 'position', label: label('position', lang), numeric: true },
      { key: 'source', label: label('source', lang) },
      { key: 'target', label: label('target', lang) },
      { key: 'sessions', label: label('sessions', lang), numeric: true },
      { key: 'customers', label: label('customers', lang), numeric: true },
    ],
    rows: result.edges.map((edge) => {
      const hidden = isSuppressed(edge.customers, k);
      const text = countOrSuppressed(edge.customers, k, (n) => formatCount(n, lang));
      return [
        cell(String(edge.position), edge.position),
        cell(edge.source),
        cell(edge.target),
        hidden ? cell(text, text) : cell(formatCount(edge.sessions, lang), edge.sessions),
        hidden ? cell(text, text) : cell(text, edge.customers),
      ];
    }),
  };
}

export function pathFlowFinding(result: PathsResult, options: PathFlowOptions): string {
  const { lang, k } = options;
  const top = result.paths.find((row) => !isSuppressed(row.customers, k));
  if (!top) return lang === 'zh' ? '没有可发布的路径' : 'No path can be published';
  const total = result.paths.reduce((sum, row) => sum + row.sessions, 0);
  const share = formatPercent(top.sessions / total, lang);
  const path = top.path.join(' → ');
  return lang === 'zh'
    ? `最常见的路径是 ${path}，占 ${share} 的会话（${formatCount(top.sessions, lang)} 次）。`
    : `The most common path is ${path}, ${share} of sessions (${formatCount(top.sessions, lang)}).`;
}
