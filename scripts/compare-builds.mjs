// Compares two built sites page by page, ignoring hashed asset names (and
// Pagefind's hashed index files), so a refactor can show that it changed no HTML.
//
//   node scripts/compare-builds.mjs BEFORE_DIR AFTER_DIR
//
// Exit 0 when every HTML, SVG, CSV, XML and TXT file matches; 1 with the first
// differing line of each file otherwise.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const [before, after] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node scripts/compare-builds.mjs BEFORE_DIR AFTER_DIR');
  process.exit(2);
}

const compared = /\.(html|svg|csv|xml|txt)$/;

function listFiles(root) {
  const files = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'pagefind') walk(path);
      } else if (compared.test(name)) files.push(relative(root, path));
    }
  };
  walk(root);
  return files.sort();
}

/** Asset names carry a content hash (`charts.BQx3-f1a.js`, `_astro/index.Ab12Cd.css`): blank it out. */
function normalise(text) {
  return text
    .replace(/([\w-]+)\.[\w-]{8}\.(js|css|woff2?)/g, '$1.HASH.$2')
    .replace(/pagefind[\w/.-]*\.pf_\w+/g, 'pagefind-HASH');
}

const left = listFiles(before);
const right = listFiles(after);
const problems = [];
for (const file of left.filter((f) => !right.includes(f))) problems.push(`only before: ${file}`);
for (const file of right.filter((f) => !left.includes(f))) problems.push(`only after: ${file}`);
let same = 0;
for (const file of left.filter((f) => right.includes(f))) {
  const a = normalise(readFileSync(join(before, file), 'utf8')).split('\n');
  const b = normalise(readFileSync(join(after, file), 'utf8')).split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  if (line === -1 && a.length === b.length) {
    same++;
    continue;
  }
  const at = line === -1 ? Math.min(a.length, b.length) : line;
  const context = (text = '') => {
    let col = 0;
    const other = a[at] === text ? (b[at] ?? '') : (a[at] ?? '');
    while (col < text.length && text[col] === other[col]) col++;
    return text.slice(Math.max(0, col - 60), col + 100);
  };
  problems.push(`${file}:${at + 1}\n  before: ${context(a[at])}\n  after:  ${context(b[at])}`);
}
console.log(`${same} of ${left.length} files identical (${before} -> ${after})`);
for (const problem of problems.slice(0, 30)) console.log(problem);
if (problems.length > 30) console.log(`... ${problems.length - 30} more`);
process.exit(problems.length ? 1 : 0);
