/**
 * Runs one analysis on an engine for a command: connect (with the checks),
 * compile, run, shape, close. Engine and data problems come back as an Error
 * whose message is printed as is (exit 1), never a stack trace; the engine
 * modules are loaded only when `--engine` is used.
 */
import type { LoadOptions } from '../analytics/load/load.ts';
import type { EngineAnalysis, EngineSpecs } from '../engines/engineAnalyses.ts';
import type { CommandIO } from './command.ts';
import type { EngineArgs } from './engineOptions.ts';

export async function runOnEngine<A extends EngineAnalysis>(
  analysis: A,
  spec: EngineSpecs[A],
  args: EngineArgs,
  load: LoadOptions,
  io: CommandIO,
): Promise<unknown> {
  const { connectEngine } = await import('../engines/connect.ts');
  const { engineAnalysis } = await import('../engines/engineAnalyses.ts');
  const by = analysis === 'funnel' ? (spec as EngineSpecs['funnel']).by : null;
  try {
    const connected = await connectEngine(
      {
        engine: args.engine,
        table: args.table,
        map: load.map,
        orderBy: args.orderBy,
        needs: by ? [by] : [],
        memoryLimit: args.memoryLimit,
        threads: args.threads,
        tempDirectory: args.tempDirectory,
        cwd: io.cwd,
      },
      process.env,
    );
    try {
      return await engineAnalysis(connected.engine, connected.source, analysis, spec);
    } finally {
      await connected.engine.close();
    }
  } catch (error) {
    if (error instanceof Error)
      return new Error(`${args.engine}: ${args.table}: ${error.message.replace(/^\w+: /, '')}`);
    throw error;
  }
}
