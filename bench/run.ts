/**
 * Runs every benchmark in turn and prints one line each: `npm run bench`.
 * To add one, export `async function benchX(): Promise<BenchResult>` from bench/x.ts and list it below.
 * Exits non-zero when any benchmark is not ok.
 */
import { benchClassify } from './classify.js';
import { benchPipeline } from './pipeline.js';
import { benchStore } from './store.js';
import { benchStream } from './stream.js';

export interface BenchResult {
  name: string;
  ok: boolean;
  summary: string;
}

const BENCHES: Array<() => Promise<BenchResult>> = [benchClassify, benchStream, benchStore, benchPipeline];

let failed = 0;
for (const bench of BENCHES) {
  try {
    const r = await bench();
    if (!r.ok) failed++;
    console.log(`${r.ok ? 'ok ' : 'BAD'} ${r.name}: ${r.summary}`);
  } catch (err) {
    failed++;
    console.log(`ERR ${bench.name}: ${(err as Error).stack ?? err}`);
  }
}
process.exitCode = failed ? 1 : 0;
