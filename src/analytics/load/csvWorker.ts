/**
 * A worker thread of the parallel CSV loader: claims chunks of the file from
 * the back (csvChunks.ts), parses each into its own event-table builder and
 * posts its columns back (typed arrays transferred, text as UTF-8 bytes: no
 * string crosses threads), until no chunk is left.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { claimBack, parseChunk, partBuffers, type CsvWorkerJob } from './csvChunks.ts';

if (parentPort) {
  // Started by parallelCsv.ts with a CsvWorkerJob.
  const job = workerData as CsvWorkerJob;
  const claims = new Int32Array(job.claims);
  for (let chunk = claimBack(claims, job.chunks.length); chunk >= 0; chunk = claimBack(claims, job.chunks.length)) {
    const reply = await parseChunk(job, chunk);
    parentPort.postMessage(reply, partBuffers(reply.part));
  }
}
