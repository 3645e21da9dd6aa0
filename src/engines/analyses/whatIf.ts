/**
 * What-if on an engine: the funnel and the purchase AOV come from the engine;
 * the projection is the in-memory one (`projectWhatIf`), applied to them.
 *
 * @example
 *   whatIfFromResults(spec, funnelResult, valueResult.aov);
 */
import type { FunnelResult } from '../../analytics/analyses/funnel.ts';
import { parseWhatIfSpec, type WhatIfSpecInput } from '../../analytics/analyses/spec.ts';
import { projectWhatIf, type WhatIfResult } from '../../analytics/analyses/whatIf.ts';

export function whatIfFromResults(specInput: WhatIfSpecInput, base: FunnelResult, aov: number | null): WhatIfResult {
  return projectWhatIf(parseWhatIfSpec(specInput), base, aov);
}
