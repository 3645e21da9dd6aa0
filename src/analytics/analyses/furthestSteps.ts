/**
 * The per-customer core of a funnel (spec §3, §4.1 to §4.5, §4.7): each
 * customer's furthest step over all attempts, and the attempt counted for
 * times and breakdown (the earliest one reaching that step). Funnel, stalls
 * and what-if all build on it.
 *
 * @example
 *   const { furthest } = furthestSteps(encodeEvents(table), parseFunnelSpec({ steps: 'a,b' }));
 *   furthest[customerCode]; // 0 (never entered), 1 or 2
 */
import { customerRuns } from './customerRuns.ts';
import type { EncodedEvents } from '../encodeEvents.ts';
import type { FunnelMode, FunnelStep } from './spec.ts';

export interface FurthestSteps {
  stepCount: number;
  /** Per customer code: the furthest step reached, 0 when never entered. */
  furthest: Uint8Array;
  /** Per customer code: the row of the counted attempt's first event, -1 if none. */
  attemptStartRow: Int32Array;
  /** Per customer code × step: epoch ms at which the counted attempt reached the step (NaN beyond). */
  stepTimes: Float64Array;
  /** Per customer code: the customer's latest event, epoch ms. */
  lastEventMs: Float64Array;
}

export interface FurthestStepsSpec {
  steps: FunnelStep[];
  windowSeconds: number;
  mode: FunnelMode;
}

/** Bit s of `masks[eventCode]` is set when the event matches step s (from 0). */
function stepMasks(encoded: EncodedEvents, steps: FunnelStep[]): Uint32Array {
  const masks = new Uint32Array(encoded.eventNames.length);
  const codeOf = new Map(encoded.eventNames.map((name, code) => [name, code]));
  steps.forEach((step, index) => {
    for (const name of step.events) {
      const code = codeOf.get(name);
      if (code !== undefined) masks[code]! |= 1 << index;
    }
  });
  return masks;
}

export function furthestSteps(encoded: EncodedEvents, spec: FurthestStepsSpec): FurthestSteps {
  const stepCount = spec.steps.length;
  const windowMs = spec.windowSeconds * 1000;
  const masks = stepMasks(encoded, spec.steps);
  // Spec §3: equal timestamps sort by the first step they match, non-matching events last.
  const tieRank = new Int32Array(masks.length);
  for (let code = 0; code < masks.length; code++) {
    tieRank[code] = masks[code] === 0 ? stepCount : 31 - Math.clz32(masks[code]! & -masks[code]!);
  }
  const { order, runStarts } = customerRuns(encoded, tieRank);
  const { eventCodes, timestamps } = encoded;
  const customers = runStarts.length - 1;

  const furthest = new Uint8Array(customers);
  const attemptStartRow = new Int32Array(customers).fill(-1);
  const stepTimes = new Float64Array(customers * stepCount).fill(NaN);
  const lastEventMs = new Float64Array(customers);
  // Per run position: the step mask and time of the event there (reused buffers).
  let runMask = new Uint32Array(64);
  let runTime = new Float64Array(64);
  // next[s * (runLength + 1) + p]: first position >= p matching step s (ordered mode).
  let next = new Int32Array(64);
  const attemptTimes = new Float64Array(stepCount);

  for (let customer = 0; customer < customers; customer++) {
    const start = runStarts[customer]!;
    const length = runStarts[customer + 1]! - start;
    if (length > runMask.length) {
      runMask = new Uint32Array(length * 2);
      runTime = new Float64Array(length * 2);
    }
    let anyMask = 0;
    for (let p = 0; p < length; p++) {
      const row = order[start + p]!;
      runMask[p] = masks[eventCodes[row]!]!;
      runTime[p] = timestamps[row]!;
      anyMask |= runMask[p]!;
    }
    lastEventMs[customer] = runTime[length - 1]!;
    if (anyMask === 0 || (spec.mode !== 'unordered' && (anyMask & 1) === 0)) continue;

    let best = 0;
    let bestStart = -1;
    const base = customer * stepCount;
    const keep = (reached: number, startPosition: number) => {
      best = reached;
      bestStart = startPosition;
      for (let s = 0; s < reached; s++) stepTimes[base + s] = attemptTimes[s]!;
    };

    if (spec.mode === 'ordered') {
      const width = length + 1;
      if (stepCount * width > next.length) next = new Int32Array(stepCount * width * 2);
      for (let s = 1; s < stepCount; s++) {
        const offset = s * width;
        const bit = 1 << s;
        next[offset + length] = -1;
        for (let p = length - 1; p >= 0; p--) next[offset + p] = runMask[p]! & bit ? p : next[offset + p + 1]!;
      }
      for (let p = 0; p < length && best < stepCount; p++) {
        if ((runMask[p]! & 1) === 0) continue;
        const t0 = runTime[p]!;
        attemptTimes[0] = t0;
        let reached = 1;
        let position = p;
        // Greedy: the earliest later event for each next step, within the window (spec §4.2).
        while (reached < stepCount) {
          const q = next[reached * width + position + 1]!;
          if (q < 0 || runTime[q]! - t0 > windowMs) break;
          attemptTimes[reached] = runTime[q]!;
          position = q;
          reached++;
        }
        if (reached > best) keep(reached, p);
      }
    } else if (spec.mode === 'strict') {
      for (let p = 0; p < length && best < stepCount; p++) {
        if ((runMask[p]! & 1) === 0) continue;
        const t0 = runTime[p]!;
        attemptTimes[0] = t0;
        let reached = 1;
        // The very next event must be the next step (spec §4.3).
        for (let q = p + 1; q < length && reached < stepCount; q++) {
          if ((runMask[q]! & (1 << reached)) === 0 || runTime[q]! - t0 > windowMs) break;
          attemptTimes[reached] = runTime[q]!;
          reached++;
        }
        if (reached > best) keep(reached, p);
      }
    } else {
      const all = stepCount === 32 ? 0xffffffff : (1 << stepCount) - 1;
      for (let p = 0; p < length && best < stepCount; p++) {
        if (runMask[p] === 0) continue;
        const t0 = runTime[p]!;
        let done = 0;
        let reached = 0;
        // Each event completes one step not yet done: the first it matches (spec §4.4).
        for (let q = p; q < length && runTime[q]! - t0 <= windowMs; q++) {
          const open = runMask[q]! & ~done;
          if (open === 0) continue;
          done |= open & -open;
          attemptTimes[reached] = runTime[q]!;
          reached++;
          if ((done & all) === all) break;
        }
        if (reached > best) keep(reached, p);
      }
    }
    furthest[customer] = best;
    attemptStartRow[customer] = bestStart < 0 ? -1 : order[start + bestStart]!;
  }
  return { stepCount, furthest, attemptStartRow, stepTimes, lastEventMs };
}
