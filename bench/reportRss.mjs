// Preloaded into benchmark children (node --import): writes the process's peak
// resident set size, in kilobytes, to $JOURNEY_RSS_FILE when it exits.
import { writeFileSync } from 'node:fs';

const file = process.env.JOURNEY_RSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
