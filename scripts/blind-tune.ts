/**
 * Blind-error archaeology: classifies one collection's TUNE items (id prefix) with the classifier of
 * another checkout (a worktree at the commit that appended the collection, before anyone tuned on
 * it), in the Google News shape (headline - outlet, no lead) or as articles, and lists the errors
 * against today's gold labels. Holdout items are skipped entirely.
 *
 *   npx tsx scripts/blind-tune.ts CHECKOUT PREFIX [--articles] [--json OUT] FILE.jsonl…
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import vendors from '../lambdas/core/classifier/rules/vendors.json' with { type: 'json' };
import { googleShape, readJsonl, score, vendorNormaliser, type GoldItem, type ItemError, type Scored } from './real-eval.js';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const ji = args.indexOf('--json');
  const jsonOut = ji >= 0 ? args.splice(ji, 2)[1] : undefined;
  const articles = args.includes('--articles');
  const [checkout, prefix, ...files] = args.filter((a) => !a.startsWith('--'));
  const mod = await import(pathToFileURL(resolve(checkout!, 'lambdas/core/classifier/index.ts')).href);
  const classify = mod.createClassifier();
  const norm = vendorNormaliser(vendors as Record<string, string[]>);
  const gold = files
    .flatMap((p) => readJsonl<GoldItem>(p).map((g) => ({ ...g, file: basename(p) })))
    .filter((g) => g.id.startsWith(`${prefix}-`) && g.split !== 'holdout');
  const pairs: Scored[] = gold.map((g) => ({ gold: g, pred: classify(articles ? g : googleShape(g)) }));
  const errors: ItemError[] = [];
  const s = score(pairs, norm, errors);
  const f = (x: number | undefined): string => (x === undefined || Number.isNaN(x) ? '-' : x.toFixed(3));
  const sc = s as unknown as Record<string, number>;
  process.stdout.write(`# ${prefix} ${articles ? 'articles' : 'headline-only'}: n=${gold.length} P ${f(sc.precision)} R ${f(sc.recall)} F1 ${f(sc.f1)} country ${f(sc.country)} measure ${f(sc.measure)} stage ${f(sc.stage)}\n`);
  for (const e of errors) {
    process.stdout.write(`- ${e.id} [${e.kind}] gold: ${e.gold} || pred: ${e.pred}\n    ${e.title}\n    rules: ${e.rules.join(' ')}\n`);
  }
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ prefix, n: gold.length, scores: s, errors }, null, 1));
}

void main();
