/**
 * The journey definition a consultant writes (YAML or JSON): stages in order,
 * and per stage the lanes of a journey map. Lane text may be Markdown (a
 * string) or a list of Markdown items. Parsed and defaulted here, once.
 *
 * @example
 *   parseJourneyDefinition(parseYaml(`stages:\n  - id: awareness\n    name: 认知\n    emotion: 3`), 'journey.yaml');
 */
import { z } from 'zod';

const laneText = z.union([z.string(), z.array(z.string())]).optional();

const stageSchema = z.object({
  /** Matches the `stage` column of the event data, for per-stage figures. */
  id: z.string().min(1),
  name: z.string().min(1),
  /** Event names of the stage in the event data; without them, rows whose \`stage\` column equals the id. */
  events: z.array(z.string().min(1)).optional(),
  actions: laneText,
  touchpoints: laneText,
  channels: laneText,
  /** Declared emotion on the journey's emotion scale; data (mean satisfaction per stage) wins when given. */
  emotion: z.number().optional(),
  pain_points: laneText,
  opportunities: laneText,
  owners: laneText,
  kpis: laneText,
});

export const journeyDefinitionSchema = z
  .object({
    title: z.string().optional(),
    /** The event log the map describes, relative to the definition file. */
    data: z.string().optional(),
    /**
     * Scale of the declared emotions: 2 (-2..2), 5 (1-5) or 10 (0-10). Inferred when
     * absent: -2..2 if every score lies in it, else 1-5 if every score does, else 0-10.
     */
    emotion_scale: z.union([z.literal(2), z.literal(5), z.literal(10)]).optional(),
    stages: z.array(stageSchema).min(1),
  })
  .transform((journey) => {
    const scores = journey.stages.flatMap((stage) => (stage.emotion === undefined ? [] : [stage.emotion]));
    const within = (low: number, high: number) => scores.every((score) => score >= low && score <= high);
    const inferred: 2 | 5 | 10 = within(-2, 2) ? 2 : within(1, 5) ? 5 : 10;
    return { ...journey, emotion_scale: journey.emotion_scale ?? inferred };
  })
  .superRefine((journey, context) => {
    const seen = new Set<string>();
    journey.stages.forEach((stage, index) => {
      if (seen.has(stage.id))
        context.addIssue({
          code: 'custom',
          path: ['stages', index, 'id'],
          message: `duplicate stage id "${stage.id}"`,
        });
      seen.add(stage.id);
      const [low, high] = emotionRange(journey.emotion_scale);
      if (stage.emotion !== undefined && (stage.emotion < low || stage.emotion > high)) {
        context.addIssue({
          code: 'custom',
          path: ['stages', index, 'emotion'],
          message: `emotion ${stage.emotion} is outside the scale ${low}-${high}`,
        });
      }
    });
  });

/** The lowest and highest score of an emotion scale. */
export function emotionRange(scale: 2 | 5 | 10): [number, number] {
  return scale === 2 ? [-2, 2] : scale === 5 ? [1, 5] : [0, 10];
}

export type JourneyDefinitionInput = z.input<typeof journeyDefinitionSchema>;
export type JourneyDefinition = z.output<typeof journeyDefinitionSchema>;
export type JourneyStage = JourneyDefinition['stages'][number];

/** Validates a parsed YAML/JSON journey, naming the file and the field at fault. */
export function parseJourneyDefinition(input: unknown, source: string): JourneyDefinition {
  const parsed = journeyDefinitionSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const messages = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`${source}: invalid journey definition — ${messages.join('; ')}`);
}
