/**
 * Where the classifier's warm time goes, per language: the bench's real-length items
 * (bench/classify.ts benchItems) classified three times warm, the time summed by item language.
 * A jump in one language after a rule change points at that lexicon's new cues; remove them one at
 * a time (and `npm run pack:langs`) to find the one. Speed goals themselves are `npm run bench`.
 *
 *   npx tsx scripts/lang-cost.ts
 */
import { benchItems } from '../bench/classify.js';
import { createClassifier } from '../lambdas/core/classifier/index.js';

const items = benchItems();
const classify = createClassifier();
for (let pass = 0; pass < 3; pass++) for (const item of items) classify(item);
const msBy = new Map<string, number>();
const PASSES = 3;
for (let pass = 0; pass < PASSES; pass++) {
  for (const item of items) {
    const t = process.hrtime.bigint();
    classify(item);
    const lang = item.language ?? '?';
    msBy.set(lang, (msBy.get(lang) ?? 0) + Number(process.hrtime.bigint() - t) / 1e6 / PASSES);
  }
}
const total = [...msBy.values()].reduce((a, b) => a + b, 0);
console.log(`${items.length} items, ${total.toFixed(0)} ms per warm pass`);
for (const [lang, ms] of [...msBy].sort((a, b) => b[1] - a[1])) console.log(`${lang.padEnd(4)} ${ms.toFixed(1).padStart(7)} ms  ${items.filter((i) => (i.language ?? '?') === lang).length} items`);
