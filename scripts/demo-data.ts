/**
 * Writes the demo data sets of the playbook into data/demo/ (or the folder
 * given as the first argument). Deterministic: one fixed seed per file, no
 * clock, no Math.random, so re-running gives byte-identical files.
 *
 *   npm run data:demo              # rewrites data/demo/*.csv and labels.json
 *   npm run data:demo -- /tmp/out  # writes elsewhere
 *
 * See data/demo/README.md for what each file holds.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { BANK_AFTER, BANK_BEFORE, bankLog } from './demo/bank.ts';
import { BANK_SURVEY, bankSurvey } from './demo/bankSurvey.ts';
import { COFFEE_AFTER, COFFEE_BEFORE, coffeeLog } from './demo/coffee.ts';
import { ECOMMERCE_AFTER, ECOMMERCE_BEFORE, ecommerceLog } from './demo/ecommerce.ts';
import { HOTEL_AFTER, HOTEL_BEFORE, hotelLog } from './demo/hotel.ts';
import { demoLabelsJson } from './demo/labels.ts';
import { seededRandom } from './demo/random.ts';
import { RETAIL_AFTER, RETAIL_BEFORE, retailLog } from './demo/retail.ts';

/** Every generated file: its name in data/demo/ and its bytes. */
export function demoFiles(): { name: string; bytes: Uint8Array }[] {
  const utf8 = (text: string) => new TextEncoder().encode(text);
  // Excel in a Chinese locale saves CSV as GB18030 (CRLF line ends): the bank export mimics it.
  const gb18030 = (text: string) => new Uint8Array(iconv.encode(text.replaceAll('\n', '\r\n'), 'gb18030'));
  return [
    { name: 'retail-checkout-before.csv', bytes: utf8(retailLog(seededRandom(101), RETAIL_BEFORE)) },
    { name: 'retail-checkout-after.csv', bytes: utf8(retailLog(seededRandom(102), RETAIL_AFTER)) },
    { name: 'ecommerce-payment-before.csv', bytes: utf8(ecommerceLog(seededRandom(201), ECOMMERCE_BEFORE)) },
    { name: 'ecommerce-payment-after.csv', bytes: utf8(ecommerceLog(seededRandom(202), ECOMMERCE_AFTER)) },
    { name: 'bank-account-opening-before.csv', bytes: gb18030(bankLog(seededRandom(301), BANK_BEFORE)) },
    { name: 'bank-account-opening-after.csv', bytes: gb18030(bankLog(seededRandom(302), BANK_AFTER)) },
    { name: 'hotel-stays-before.csv', bytes: utf8(hotelLog(seededRandom(401), HOTEL_BEFORE)) },
    { name: 'hotel-stays-after.csv', bytes: utf8(hotelLog(seededRandom(402), HOTEL_AFTER)) },
    { name: 'coffee-purchases-before.csv', bytes: utf8(coffeeLog(seededRandom(501), COFFEE_BEFORE)) },
    { name: 'coffee-purchases-after.csv', bytes: utf8(coffeeLog(seededRandom(502), COFFEE_AFTER)) },
    { name: 'bank-survey.csv', bytes: utf8(bankSurvey(seededRandom(601), BANK_SURVEY)) },
    // Event, channel, segment and stage names in zh and en, for every log above.
    { name: 'labels.json', bytes: utf8(demoLabelsJson()) },
  ];
}

/** Writes every demo file into `outDir`, creating it; returns the names written. */
export async function writeDemoData(outDir: string): Promise<string[]> {
  await mkdir(outDir, { recursive: true });
  const files = demoFiles();
  for (const file of files) await writeFile(join(outDir, file.name), file.bytes);
  return files.map((file) => file.name);
}

const defaultDir = fileURLToPath(new URL('../data/demo/', import.meta.url));

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = process.argv[2] ? resolve(process.argv[2]) : defaultDir;
  const names = await writeDemoData(outDir);
  console.log(`wrote ${names.length} files to ${outDir}`);
}
