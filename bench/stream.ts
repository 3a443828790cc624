/**
 * `banwatch classify` streaming benchmark: 100,000 JSONL lines through classifyStream, checking
 * that memory stays flat (the issue's requirement) and reporting lines/s including JSON I/O.
 *
 *   npx tsx bench/stream.ts
 */
import { Readable, Writable } from 'node:stream';
import v8 from 'node:v8';
import vm from 'node:vm';
import { pathToFileURL } from 'node:url';
import { classifyStream } from '../lambdas/local/classify-stream.js';

const LINES = Number(process.env.BENCH_STREAM_LINES ?? 100_000);
/** Flat means bounded: live memory may grow by buffers and JIT, not with the input (90 MB out at 400k lines). */
const MAX_HEAP_GROWTH_MB = 16;

// Peak heapUsed would count garbage V8 has not bothered to collect yet; what must stay flat is what
// survives a full collection, so the sampler collects first.
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const SAMPLES = [
  { title: 'Japan to exclude Huawei, ZTE from government procurement', summary: 'Japan will bar Huawei and ZTE from public procurement, sources said.', language: 'en' },
  { title: 'Huawei quarterly revenue rises 18% on smartphone rebound', summary: 'Earnings beat expectations.', language: 'en' },
  { title: 'Bundesregierung verbietet Huawei-Komponenten im 5G-Kernnetz', summary: 'Die Regelung tritt sofort in Kraft.', language: 'de' },
  { title: '政府調達からファーウェイ・ZTE製品を排除へ', summary: '政府は申合せを決定した。', language: 'ja' },
  { title: 'Xiaomi unveils a new flagship phone', summary: '<p>The <b>phone</b> goes on sale next week.</p>', language: 'en' },
];

export async function benchStream(): Promise<{ name: string; ok: boolean; summary: string }> {
  let i = 0;
  const input = Readable.from(
    (function* () {
      for (; i < LINES; i++) {
        const s = SAMPLES[i % SAMPLES.length]!;
        yield `${JSON.stringify({ id: `b-${i}`, ...s })}\n`;
        if (i % 997 === 0) yield 'not json at all\n';
      }
    })(),
  );
  let bytes = 0;
  const output = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      // A slow consumer: yield to the event loop so backpressure actually engages.
      setImmediate(cb);
    },
  });
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let heapPeak = heapBefore;
  const sampler = setInterval(() => {
    gc();
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 250);
  const t0 = performance.now();
  const result = await classifyStream(input, output);
  const ms = performance.now() - t0;
  clearInterval(sampler);
  const growthMb = (heapPeak - heapBefore) / 1024 / 1024;
  const ok = result.lines >= LINES && growthMb <= MAX_HEAP_GROWTH_MB;
  return {
    name: 'classify stream (JSONL, slow consumer)',
    ok,
    summary:
      `${result.lines} lines (${result.errors} bad) in ${(ms / 1000).toFixed(1)} s = ${Math.round((result.lines / ms) * 1000)} lines/s; ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MB out; live heap growth ${growthMb.toFixed(1)} MB (limit ${MAX_HEAP_GROWTH_MB} MB)`,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = await benchStream();
  console.log(`${r.ok ? 'ok ' : 'BAD'} ${r.name}: ${r.summary}`);
  process.exitCode = r.ok ? 0 : 1;
}
