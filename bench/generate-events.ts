/**
 * A deterministic event-log generator for benchmarks: `generateEvents({ events, seed })`
 * writes `bench/data/events-<n>.csv` (cached: skipped when present) with columns
 * customer_id,timestamp,event,channel,segment,value. Shape: ~10 events per
 * customer in sessions, a 5-step funnel (visit, view_product, add_to_cart,
 * checkout, purchase) among 15 event names, 3 channels, 3 segments, a value on
 * purchases, timestamps over ~90 days as `YYYY-MM-DD HH:MM:SS`. Written as a stream.
 *
 * Run directly: `node --experimental-strip-types bench/generate-events.ts 1000000`.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FUNNEL_EVENTS = ['visit', 'view_product', 'add_to_cart', 'checkout', 'purchase'] as const;
export const OTHER_EVENTS = [
  'search',
  'view_category',
  'add_to_wishlist',
  'login',
  'logout',
  'newsletter_signup',
  'support_chat',
  'write_review',
  'share',
  'return_request',
] as const;
export const CHANNELS = ['web', 'app', 'store'] as const;
export const SEGMENTS = ['new', 'returning', 'vip'] as const;

const DATA_DIRECTORY = join(dirname(fileURLToPath(import.meta.url)), 'data');
const START_MS = Date.UTC(2024, 0, 1);
const SPAN_MS = 90 * 86_400_000;

/** Mulberry32: a small seeded PRNG, uniform in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pad(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

function formatTimestamp(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function eventsPath(events: number): string {
  return join(DATA_DIRECTORY, `events-${events}.csv`);
}

/** Writes (or reuses) the generated CSV and returns its path. */
export async function generateEvents({ events, seed = 42 }: { events: number; seed?: number }): Promise<string> {
  const path = eventsPath(events);
  if (existsSync(path)) return path;
  mkdirSync(DATA_DIRECTORY, { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(temporary);
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]!;
  let buffer = 'customer_id,timestamp,event,channel,segment,value\n';
  let written = 0;
  let customer = 0;
  const flush = async (): Promise<void> => {
    if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    buffer = '';
  };
  while (written < events) {
    customer++;
    const id = `c${String(customer).padStart(7, '0')}`;
    const segment = pick(SEGMENTS);
    const homeChannel = pick(CHANNELS);
    const target = 2 + Math.floor(random() * 17); // 2..18 events, ~10 on average
    let time = START_MS + Math.floor(random() * (SPAN_MS - 5 * 86_400_000));
    let made = 0;
    while (made < target && written < events) {
      // A session: a visit, then funnel steps with drop-off and some other events between.
      const channel = random() < 0.8 ? homeChannel : pick(CHANNELS);
      let step = 0;
      while (made < target && written < events) {
        let event: string;
        let value = '';
        if (step < FUNNEL_EVENTS.length && (step === 0 || random() < 0.55)) {
          event = FUNNEL_EVENTS[step]!;
          if (event === 'purchase') value = (5 + Math.floor(random() * 50_000) / 100).toFixed(2);
          step++;
        } else if (random() < 0.6) {
          event = pick(OTHER_EVENTS);
        } else break;
        buffer += `${id},${formatTimestamp(time)},${event},${channel},${segment},${value}\n`;
        made++;
        written++;
        time += 5_000 + Math.floor(random() * 240_000);
        if (buffer.length > 1 << 20) await flush();
      }
      time += 3_600_000 + Math.floor(random() * 7 * 86_400_000);
      if (time > START_MS + SPAN_MS) time = START_MS + SPAN_MS - Math.floor(random() * 86_400_000);
    }
  }
  await flush();
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
  renameSync(temporary, path);
  return path;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const events = Number(process.argv[2] ?? 1_000_000);
  void generateEvents({ events }).then((path) => console.log(path));
}
