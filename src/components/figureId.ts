/**
 * A stable element id for a chart figure: from its kind and title (so the
 * same page builds the same ids), made unique within its page.
 *
 * @example
 *   figureId('funnel', '结账漏斗', '/gallery/'); // 'funnel-1k3x9q'
 */
const usedByPage = new Map<string, Set<string>>();

function hash(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

export function figureId(kind: string, title: string, page: string, given?: string): string {
  const used = usedByPage.get(page) ?? new Set<string>();
  usedByPage.set(page, used);
  const base = given ?? `${kind}-${hash(title)}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}
