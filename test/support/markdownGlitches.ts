/**
 * Literal Markdown in a rendered page: syntax the Markdown processor left as
 * text (CommonMark's emphasis rules fail next to CJK punctuation, for one).
 * Only text nodes count: code, preformatted text, scripts, styles and SVG may
 * hold such characters on purpose.
 *
 * @example
 *   markdownGlitches(parseHTML('<p>和__提升幅度__。</p>').document)
 *   // -> [{ kind: 'strong', match: '__提升幅度__', context: '和__提升幅度__。' }]
 */

/** Elements whose text is literal by design. */
const LITERAL = new Set(['CODE', 'PRE', 'KBD', 'SAMP', 'SCRIPT', 'STYLE', 'TEMPLATE', 'TEXTAREA', 'SVG']);

const PATTERNS: { kind: string; pattern: RegExp }[] = [
  { kind: 'strong', pattern: /\*\*/g },
  // Underscores come in pairs around text; a lone `__` is an identifier (`window.__xss` in the gallery).
  { kind: 'strong', pattern: /__(?=\S)[^_\n]*?\S__/g },
  { kind: 'emphasis', pattern: /(?<![\w*])\*(?=\S)[^*\n]*\S\*(?![\w*])/g },
  { kind: 'link', pattern: /\[[^\]\n]+\]\([^)\s]+\)/g },
  { kind: 'backtick', pattern: /`/g },
];

export interface MarkdownGlitch {
  kind: string;
  match: string;
  /** The text around the match, to find it in the chapter. */
  context: string;
}

function collectText(node: Node, out: string[]): void {
  for (const child of node.childNodes) {
    if (child.nodeType === 3) out.push(child.textContent ?? '');
    else if (child.nodeType === 1 && !LITERAL.has((child as Element).tagName.toUpperCase())) collectText(child, out);
  }
}

/** Every literal Markdown construct in the text of `root` (a document or an element). */
export function markdownGlitches(root: Node): MarkdownGlitch[] {
  const texts: string[] = [];
  collectText(root, texts);
  const glitches: MarkdownGlitch[] = [];
  for (const text of texts) {
    for (const { kind, pattern } of PATTERNS) {
      for (const found of text.matchAll(pattern)) {
        const at = found.index;
        const context = text.slice(Math.max(0, at - 20), at + found[0].length + 20).replace(/\s+/g, ' ');
        glitches.push({ kind, match: found[0], context });
      }
    }
  }
  return glitches;
}
