/**
 * Finds the `<Todo>` placeholders left in a report's pages, with file and
 * line, so a final build can refuse to ship them. MDX comments (`{/* ... *\/}`)
 * are notes for the consultant and are skipped: a `<Todo` inside one is not a
 * placeholder.
 *
 * @example
 *   await findTodos('/repo', 'acme-insurance');
 *   // [{ file: 'content/reports/acme-insurance/index.mdx', line: 21, text: '写三到五句话…' }]
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPORT_CONTENT_DIR } from './reportConfig.ts';

export interface TodoPlace {
  /** Relative to the project root, with forward slashes. */
  file: string;
  line: number;
  /** The placeholder's text, shortened. */
  text: string;
}

/** Blanks MDX comments (keeping line breaks) so their contents are not read as markup. */
function withoutComments(source: string): string {
  return source.replace(/\{\/\*[\s\S]*?\*\/\}/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

/** The `<Todo>` elements of one MDX text. */
export function todosIn(source: string, file: string): TodoPlace[] {
  const text = withoutComments(source);
  const places: TodoPlace[] = [];
  for (const match of text.matchAll(/<Todo\b[^>]*>([\s\S]*?)<\/Todo>|<Todo\b[^>]*\/>/g)) {
    const line = text.slice(0, match.index).split('\n').length;
    const body = (match[1] ?? '').replace(/\s+/g, ' ').trim();
    places.push({ file, line, text: body.length > 60 ? `${body.slice(0, 59)}…` : body });
  }
  return places;
}

/** Every `<Todo>` in `content/reports/<client>/*.mdx`, in file then line order. */
export async function findTodos(root: string, client: string): Promise<TodoPlace[]> {
  const dir = join(root, REPORT_CONTENT_DIR, client);
  if (!existsSync(dir)) return [];
  const files = (await readdir(dir)).filter((name) => /\.mdx?$/.test(name)).sort();
  const places: TodoPlace[] = [];
  for (const name of files)
    places.push(...todosIn(await readFile(join(dir, name), 'utf8'), `${REPORT_CONTENT_DIR}/${client}/${name}`));
  return places;
}

/** The refusal a final build prints: each placeholder on its own line. */
export function todoMessage(places: TodoPlace[], command: string): string {
  return [
    `${places.length} placeholder${places.length === 1 ? '' : 's'} (<Todo>) still in the report; write ${places.length === 1 ? 'it' : 'them'}, or add --draft to ${command} a draft:`,
    ...places.map((p) => `  ${p.file}:${p.line}  ${p.text}`),
  ].join('\n');
}
