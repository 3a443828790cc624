/**
 * Classifier benchmark: items/s on one core over a realistic mixed set (the project's labelled
 * fixtures in nine languages, relevant items and hard negatives, repeated to 100,000+ items), and
 * the memory it takes. Gates: ok only at >= 20,000 items/s.
 *
 *   npx tsx bench/classify.ts
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ClassifierInput } from '../lambdas/core/model.js';
import { createClassifier } from '../lambdas/core/classifier/index.js';

/** The target from the classifier issue: one core must keep up with a busy feed registry many times over. */
const MIN_ITEMS_PER_SECOND = 20_000;
/** At least this many classifications per pass, so timer resolution and warm-up do not matter. */
const MIN_ITEMS = 100_000;
/** Passes over the set; the best is gated, because other processes share the machine's cores. */
const PASSES = 3;

const FIXTURES = fileURLToPath(new URL('../fixtures/eval/', import.meta.url));

function loadItems(): ClassifierInput[] {
  const items: ClassifierInput[] = [];
  for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(FIXTURES, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const { id, title, summary, link, published, language, feed } = JSON.parse(line) as ClassifierInput;
      items.push({ id, title, summary, link, published, language, feed });
    }
  }
  return items;
}

export async function benchClassify(): Promise<{ name: string; ok: boolean; summary: string }> {
  const base = loadItems();
  const set: ClassifierInput[] = [];
  while (set.length < MIN_ITEMS) set.push(...base);

  const compileStart = performance.now();
  const classify = createClassifier();
  const compileMs = performance.now() - compileStart;
  for (const item of base) classify(item); // warm-up: JIT and regex compilation

  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  const rates: number[] = [];
  let relevant = 0;
  for (let pass = 0; pass < PASSES; pass++) {
    relevant = 0;
    const t0 = performance.now();
    for (const item of set) if (classify(item).relevant) relevant++;
    rates.push(set.length / ((performance.now() - t0) / 1000));
  }
  const mem = process.memoryUsage();
  const best = Math.max(...rates);
  const median = [...rates].sort((a, b) => a - b)[Math.floor(rates.length / 2)] as number;
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  const summary = [
    `${set.length} items (${base.length} fixtures repeated, ${relevant} relevant per pass)`,
    `best ${Math.round(best)} items/s, median ${Math.round(median)} items/s (target >= ${MIN_ITEMS_PER_SECOND})`,
    `rules compiled in ${compileMs.toFixed(0)} ms`,
    `heap ${mb(mem.heapUsed)} MB (${mb(mem.heapUsed - heapBefore)} MB growth over ${PASSES} passes), rss ${mb(mem.rss)} MB`,
  ].join('; ');
  return { name: 'classify (one core)', ok: best >= MIN_ITEMS_PER_SECOND, summary };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = await benchClassify();
  console.log(`${result.ok ? 'ok ' : 'BAD'} ${result.name}: ${result.summary}`);
  process.exitCode = result.ok ? 0 : 1;
}
