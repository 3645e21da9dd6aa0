// The Pages workflow's last gate before upload: refuses an output folder the
// privacy scan (src/integrations/privacyScan.ts) did not pass, or that changed
// after it ran (its stamp counts the files it scanned).
//
//   node scripts/check-scan-stamp.mjs dist
//
// Exit 0 with one line when the stamp is there and still fits; 1 naming what is wrong.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const STAMP = '.journey-privacy-scan.json';

/** Why `dir` must not be published, or null when its scan passed and it is unchanged since. */
function refusal(dir) {
  if (!existsSync(dir)) return `${dir}/ does not exist — build first (npm run build)`;
  const stampPath = join(dir, STAMP);
  if (!existsSync(stampPath))
    return `${dir}/ has no ${STAMP}: the privacy scan did not pass (or never ran) — see the build log`;
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampPath, 'utf8'));
  } catch {
    return `${dir}/${STAMP} is not the privacy scan's stamp (not JSON) — build again`;
  }
  if (stamp?.passed !== true || !Number.isInteger(stamp.files))
    return `${dir}/${STAMP} does not say the scan passed ({"passed": true, "files": N}) — build again`;
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
    (entry) => entry.isFile() && !(entry.parentPath === dir && entry.name === STAMP),
  ).length;
  if (files !== stamp.files)
    return `${dir}/ has ${files} files but the privacy scan checked ${stamp.files}: it changed after the scan — build again`;
  return null;
}

const dir = process.argv[2];
if (!dir || process.argv.length > 3) {
  console.error('usage: node scripts/check-scan-stamp.mjs DIR');
  process.exit(2);
}
const why = refusal(dir.replace(/\/+$/, '') || '.');
if (why) {
  console.error(`not publishing: ${why}`);
  process.exit(1);
}
console.log(`${dir}: privacy scan passed`);
