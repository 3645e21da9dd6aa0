declare namespace App {
  /** What a page tells the components rendered on it (src/pages/reports/). */
  interface Locals {
    /** The page's frontmatter k: the default for every chart on it that gives none. */
    k?: number;
  }
}
