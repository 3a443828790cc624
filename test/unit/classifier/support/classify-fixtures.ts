/**
 * Classifies every labelled fixture once, headline + lead and headline alone, in a process of its
 * own: regexp-budget.test.ts runs it under V8's --trace-regexp-tier-up to see the regex code made.
 * With `--all` it also classifies the replay articles and the bench's real-length items (fixture
 * leads continued to ~300 characters), which reach cues the short fixtures never do: what a
 * long-lived process that has seen every kind of text holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassifierInput } from '../../../../lambdas/core/model.js';
import { createClassifier } from '../../../../lambdas/core/classifier/index.js';
import { benchItems } from '../../../../bench/classify.js';

const all = process.argv.includes('--all');
const classify = createClassifier();
let n = 0;
const dirs = ['fixtures/eval', 'fixtures/real', 'fixtures/real-langs', ...(all ? ['fixtures/replay'] : [])];
const items: ClassifierInput[] = all ? benchItems() : [];
for (const dir of dirs) {
  const path = fileURLToPath(new URL(`../../../../${dir}/`, import.meta.url));
  for (const f of readdirSync(path).filter((x) => x.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(path, f), 'utf8').split('\n')) {
      if (line.trim()) items.push(JSON.parse(line) as ClassifierInput);
    }
  }
}
for (const item of items) {
  classify(item);
  classify({ ...item, summary: '' });
  n += 2;
}
console.log(`classified ${n}`);
