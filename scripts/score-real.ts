/**
 * Scores the classifier on labelled real articles, per split (tune / holdout) and per language.
 *
 *   npx tsx scripts/score-real.ts [FILE.jsonl …] [--headline-only] [--errors] [--json OUT.json] [--preds OUT.jsonl]
 *
 * Without files: fixtures/real/*.jsonl and, when present, fixtures/replay/items.jsonl (scored as a
 * separate set). `--errors` lists the errors of TUNE items only (holdout items are reported in
 * aggregate, never item by item). `--preds` writes the tune predictions (id + classification).
 * `--headline-only` also scores every set as a Google News search delivers it (see googleShape), in
 * rows of its own after the usual ones; `--errors` and `--preds` then cover that shape.
 */
import { writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier } from '../lambdas/core/classifier/index.js';
import vendors from '../lambdas/core/classifier/rules/vendors.json' with { type: 'json' };
import {
  calibrationTable, confusionTable, defaultSets, googleShape, groupBy, HEADER, readJsonl, row, score, vendorNormaliser,
  type GoldItem, type ItemError, type Scored, type Scores,
} from './real-eval.js';

const NINE = new Set(['en', 'fr', 'de', 'es', 'it', 'pt', 'ja', 'zh', 'ko']);
const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string): string | undefined => {
    const i = args.indexOf(name);
    if (i < 0) return undefined;
    const v = args[i + 1];
    args.splice(i, 2);
    return v;
  };
  const jsonOut = opt('--json');
  const predsOut = opt('--preds');
  const showErrors = args.includes('--errors');
  const headlineOnly = args.includes('--headline-only');
  const files = args.filter((a) => !a.startsWith('--'));
  const sets: Array<[string, string[]]> = files.length ? [['given', files]] : defaultSets(ROOT);

  const classify = createClassifier();
  const norm = vendorNormaliser(vendors as Record<string, string[]>);
  const report: Record<string, Record<string, Scores>> = {};
  const tunePreds: string[] = [];
  const out: string[] = [];
  const runs = sets.flatMap(([name, paths]): Array<[string, string[], boolean]> =>
    headlineOnly ? [[name, paths, false], [`${name}, headline only`, paths, true]] : [[name, paths, false]]);
  for (const [name, paths, shaped] of runs) {
    const gold = paths.flatMap((p) => readJsonl<GoldItem>(p).map((g) => ({ ...g, file: basename(p) })));
    // Scored against the original gold item (its text stays what --errors prints).
    const pairs: Scored[] = gold.map((g) => ({ gold: g, pred: classify(shaped ? googleShape(g) : g) }));
    if (shaped === headlineOnly) for (const p of pairs) if (p.gold.split !== 'holdout') tunePreds.push(JSON.stringify({ id: p.gold.id, ...p.pred }));
    const bySplit = groupBy(pairs, (p) => (p.gold.split === 'holdout' ? 'holdout' : 'tune'));
    const errors: ItemError[] = [];
    const res: Record<string, Scores> = {};
    res.all = score(pairs, norm);
    for (const split of ['tune', 'holdout']) {
      const list = bySplit.get(split) ?? [];
      res[split] = score(list, norm, split === 'tune' ? errors : undefined);
      // The nine languages the lexicons cover (the issue's hidden real set is in these nine).
      res[`${split}/nine`] = score(list.filter((p) => NINE.has(String(p.gold.language))), norm);
      for (const [lang, l] of [...groupBy(list, (p) => String(p.gold.language ?? '?'))].sort()) res[`${split}/${lang}`] = score(l, norm);
    }
    report[name] = res;
    out.push(`## ${name} (${paths.map((p) => basename(p)).join(', ')})`, '', HEADER);
    for (const [k, s] of Object.entries(res)) out.push(row(k, s));
    for (const split of ['tune', 'holdout']) {
      out.push('', `Stage confusion, ${split} (rows gold, columns predicted; alt readings count as gold)`, '', confusionTable(res[split]?.stageConfusion ?? {}));
      out.push('', `Stage accuracy by stageConfidence, ${split}`, '', calibrationTable(res[split]?.stageCalibration ?? {}));
    }
    if (showErrors && shaped === headlineOnly) {
      out.push('', `Tune errors (${errors.length})`);
      for (const e of errors.sort((a, b) => a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id))) {
        out.push(`- ${e.id} [${e.kind}] gold: ${e.gold} || pred: ${e.pred}`, `    ${e.title}`, `    ev: ${e.evidence.join(' ¦ ')}`, `    rules: ${e.rules.join(' ')}`);
      }
    }
    out.push('');
  }
  process.stdout.write(`${out.join('\n')}\n`);
  if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 1));
  if (predsOut) writeFileSync(predsOut, `${tunePreds.join('\n')}\n`);
}

main();
