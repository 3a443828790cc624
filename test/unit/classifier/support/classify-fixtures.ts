/**
 * Classifies every labelled fixture once, headline + lead and headline alone, in a process of its
 * own: regexp-budget.test.ts runs it under V8's --trace-regexp-tier-up to see the regex code made.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ClassifierInput } from '../../../../lambdas/core/model.js';
import { createClassifier } from '../../../../lambdas/core/classifier/index.js';

const classify = createClassifier();
let n = 0;
for (const dir of ['fixtures/eval', 'fixtures/real', 'fixtures/real-langs']) {
  const path = fileURLToPath(new URL(`../../../../${dir}/`, import.meta.url));
  for (const f of readdirSync(path).filter((x) => x.endsWith('.jsonl')).sort()) {
    for (const line of readFileSync(join(path, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const item = JSON.parse(line) as ClassifierInput;
      classify(item);
      classify({ ...item, summary: '' });
      n += 2;
    }
  }
}
console.log(`classified ${n}`);
