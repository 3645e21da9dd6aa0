/** The path formatter bound to the site's configured base (`BASE`). */
import { createPathFormatter } from './paths.ts';

export const url = createPathFormatter(import.meta.env.BASE_URL);
