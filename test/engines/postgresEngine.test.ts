import { inject } from 'vitest';
import { openPostgresEngine } from '../../src/engines/runners/postgres.ts';
import { describeEngineEquality } from './engineEquality.ts';

describeEngineEquality('PostgreSQL engine equals the in-memory analyses', () => {
  const settings = inject('postgres');
  return 'skip' in settings ? Promise.resolve(settings) : openPostgresEngine({ ...settings });
});
