import { openDuckdbEngine } from '../../src/engines/runners/duckdb.ts';
import { describeEngineEquality } from './engineEquality.ts';

describeEngineEquality('DuckDB engine equals the in-memory analyses', () => openDuckdbEngine());
