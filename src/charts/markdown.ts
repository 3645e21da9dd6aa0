/**
 * Markdown in journey-map cells, rendered with markdown-it with raw HTML
 * disabled: `<script>` in a cell is shown as text, never run. Links keep
 * markdown-it's own URL validation (no javascript: links).
 *
 * @example
 *   renderMarkdown('**Slow** form <b>x</b>'); // '<p><strong>Slow</strong> form &lt;b&gt;x&lt;/b&gt;</p>\n'
 */
import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export function renderMarkdown(text: string): string {
  return markdown.render(text);
}

export function renderMarkdownInline(text: string): string {
  return markdown.renderInline(text);
}
