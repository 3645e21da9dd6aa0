/**
 * Options of every loader, parsed and defaulted here once (zod), so readers
 * only ever see the resolved form.
 *
 * @example
 *   resolveLoadOptions({ map: { customer_id: '客户编号' }, tz: 'Asia/Shanghai' });
 */
import { z } from 'zod';
import { MAPPABLE_COLUMNS } from '../events.ts';
import { timeZoneProblem } from '../timeZone.ts';
import { NUMBER_FORMATS } from './formattedNumber.ts';

export const loadOptionsSchema = z
  .object({
    /** Canonical column -> the file's column (`--map customer_id=客户编号`). */
    map: z
      .record(z.string(), z.string().min(1))
      .superRefine((map, context) => {
        for (const name of Object.keys(map)) {
          if (!(MAPPABLE_COLUMNS as readonly string[]).includes(name)) {
            context.addIssue({
              code: 'custom',
              message: `unknown column "${name}" in the mapping; expected one of ${MAPPABLE_COLUMNS.join(', ')}`,
            });
          }
        }
      })
      .default({}),
    /** IANA zone for local timestamps (`Asia/Shanghai`); default UTC. */
    tz: z
      .string()
      .optional()
      .superRefine((zone, context) => {
        const problem = zone === undefined ? undefined : timeZoneProblem(zone);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
    /** Read numbers in the timestamp column as Excel date serials (never guessed). */
    excelDates: z.boolean().default(false),
    /** Read `1,234.56`-style numbers (thousands separators, a currency sign) in this format. */
    numberFormat: z.enum(NUMBER_FORMATS).optional(),
    /** The sheet of an .xlsx workbook (default: the first). */
    sheet: z.string().min(1).optional(),
    /** Drop invalid rows (reported as warnings) instead of failing. */
    skipInvalid: z.boolean().default(false),
    /** A survey: the timestamp column may be absent (rows then carry timestamp 0, never analysed in time). */
    timestampOptional: z.boolean().default(false),
    /** Drop exact duplicate rows (keeping the first). */
    dedupe: z.boolean().default(false),
    /** Minimum customers per segment or channel before a warning (spec §10). */
    k: z.number().int().positive().default(5),
    /** "Now" for the future-timestamp warning, epoch ms (tests pin it). */
    now: z.number().default(() => Date.now()),
  })
  // Whether the zone was given: naive timestamps read as UTC earn a warning when it was not.
  .transform(({ tz, ...rest }) => ({ ...rest, tz: tz ?? 'UTC', tzGiven: tz !== undefined }));

export type LoadOptions = z.input<typeof loadOptionsSchema>;

export type ResolvedLoadOptions = z.output<typeof loadOptionsSchema>;

/** Parses and defaults loader options; throws a RangeError naming the bad option. */
export function resolveLoadOptions(options: LoadOptions = {}): ResolvedLoadOptions {
  const parsed = loadOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    throw new RangeError(`invalid load option ${where}${issue.message}`);
  }
  return parsed.data;
}
