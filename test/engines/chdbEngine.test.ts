import { CHDB_MISSING, loadChdb, openChdbEngine } from '../../src/engines/runners/chdb.ts';
import { describeEngineEquality } from './engineEquality.ts';

describeEngineEquality('chdb (ClickHouse dialect) equals the in-memory analyses', () =>
  loadChdb() === null ? Promise.resolve({ skip: CHDB_MISSING }) : openChdbEngine(),
);
