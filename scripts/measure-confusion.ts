/**
 * Measure confusion on labelled real articles: gold measure → predicted measure (items relevant in gold
 * and prediction; `measure_alt` counts as right), per split, and measure accuracy per language and per
 * gold measure.
 *
 *   npx tsx scripts/measure-confusion.ts [FILE.jsonl …] [--errors] [--pair gold>pred]
 *
 * Without files: fixtures/real/*.jsonl and fixtures/replay/items.jsonl as two sets. `--errors` lists
 * the measure errors of TUNE items only (title, evidence, rules); holdout items are reported in
 * aggregate only. `--pair market_ban>device_ban` limits the error list to one confusion.
 */
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClassifier } from '../lambdas/core/classifier/index.js';
import { MEASURES } from '../lambdas/core/model.js';
import { defaultSets, groupBy, readJsonl, type GoldItem } from './real-eval.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const SHORT: Record<string, string> = {
  procurement_exclusion: 'proc', network_exclusion: 'net', device_ban: 'dev', market_ban: 'mkt', export_control: 'exp',
  sanctions: 'sanc', security_warning: 'warn', other_restriction: 'oth', null: '∅',
};

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const pi = args.indexOf('--pair');
const pair = pi >= 0 ? args.splice(pi, 2)[1] : undefined;
const files = args.filter((a) => !a.startsWith('--'));
const sets: Array<[string, string[]]> = files.length ? [['given', files]] : defaultSets(ROOT);
const classify = createClassifier();
const acc = (ok: number, n: number): string => (n ? `${(ok / n).toFixed(3)} (${ok}/${n})` : '-');

for (const [name, paths] of sets) {
  const gold = paths.flatMap((p) => readJsonl<GoldItem>(p).map((g) => ({ ...g, file: basename(p) })));
  const pairs = gold.filter((g) => g.relevant).map((g) => ({ g, p: classify(g) })).filter(({ p }) => p.relevant);
  for (const split of ['tune', 'holdout']) {
    const list = pairs.filter(({ g }) => (g.split === 'holdout') === (split === 'holdout'));
    const conf: Record<string, Record<string, number>> = {};
    const ok = (g: GoldItem, pm: string | null): boolean => g.measure === pm || (g.measure_alt ?? []).includes(String(pm));
    for (const { g, p } of list) {
      const gm = String(g.measure);
      const pm = ok(g, p.measure) ? gm : String(p.measure);
      (conf[gm] ??= {})[pm] = (conf[gm]?.[pm] ?? 0) + 1;
    }
    const right = list.filter(({ g, p }) => ok(g, p.measure)).length;
    console.log(`\n## ${name} ${split}: measure ${acc(right, list.length)}\n`);
    console.log(`| gold \\ pred | ${MEASURES.map((m) => SHORT[m]).join(' | ')} | acc |`);
    console.log(`|---|${MEASURES.map(() => '---').join('|')}|---|`);
    for (const gm of [...MEASURES, 'null']) {
      const r = conf[gm];
      if (!r) continue;
      const n = Object.values(r).reduce((a, b) => a + b, 0);
      console.log(`| ${gm} | ${MEASURES.map((m) => r[m] ?? 0).join(' | ')} | ${acc(r[gm] ?? 0, n)} |`);
    }
    const byLang = groupBy(list, ({ g }) => String(g.language ?? '?'));
    console.log(`\nper language: ${[...byLang].sort((a, b) => b[1].length - a[1].length)
      .map(([l, xs]) => `${l} ${acc(xs.filter(({ g, p }) => ok(g, p.measure)).length, xs.length)}`).join(', ')}`);
    if (showErrors && split === 'tune') {
      const errs = list.filter(({ g, p }) => !ok(g, p.measure))
        .filter(({ g, p }) => !pair || pair === `${g.measure}>${p.measure}`)
        .sort((a, b) => `${a.g.measure}>${a.p.measure}`.localeCompare(`${b.g.measure}>${b.p.measure}`));
      console.log(`\nTune measure errors (${errs.length})`);
      for (const { g, p } of errs) {
        console.log(`- ${g.id} [${g.language}] ${g.measure}${g.measure_alt?.length ? `(alt ${g.measure_alt})` : ''} → ${p.measure}`);
        console.log(`    ${g.title}`);
        if (g.summary) console.log(`    ~ ${String(g.summary).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').slice(0, 300)}`);
        console.log(`    ev: ${p.evidence.join(' ¦ ')}`);
        console.log(`    rules: ${(p.rules ?? []).join(' ')}`);
      }
    }
  }
}
