/**
 * Scoring of labelled real-article sets (fixtures/real/*.jsonl, fixtures/replay/items.jsonl): the
 * score.mjs metrics (relevance P/R/F1; on items relevant in gold and prediction: country exact-set
 * accuracy, vendor micro-F1, measure and stage accuracy, `measure_alt`/`stage_alt` counted as right),
 * per split and per language, with a stage confusion matrix.
 *
 * Items carry `split: "tune" | "holdout"`. Holdout items are scored in aggregate only: nothing here
 * returns or prints a holdout item's text or its individual error, so tuning can never look at them.
 * Used by test/unit/classifier/real.test.ts and by scripts/score-real.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Classification, ClassifierInput } from '../lambdas/core/model.js';

export interface GoldItem extends ClassifierInput {
  id: string;
  relevant: boolean;
  countries: string[];
  vendors: string[];
  measure: string | null;
  stage: string | null;
  measure_alt?: string[];
  stage_alt?: string[];
  split?: string;
  note?: string;
  decision?: string | null;
}

export interface Scores {
  n: number;
  relevantGold: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Items relevant in gold and in the prediction: the field scores are over these. */
  both: number;
  country: number;
  vendorF1: number;
  measure: number;
  stage: number;
  /** gold stage → predicted stage → count, over `both`. */
  stageConfusion: Record<string, Record<string, number>>;
  measureConfusion: Record<string, Record<string, number>>;
  /** stageConfidence bucket ("0.8" = [0.8, 0.9)) → items and right stages, over `both`. */
  stageCalibration: Record<string, { n: number; right: number }>;
}

/** One item's error, for tune items only. */
export interface ItemError {
  id: string;
  language: string;
  kind: string;
  gold: string;
  pred: string;
  title: string;
  evidence: string[];
  rules: string[];
}

export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l, i) => {
      try {
        return JSON.parse(l) as T;
      } catch (err) {
        throw new Error(`${path}:${i + 1}: not JSON`, { cause: err });
      }
    });
}

const key = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();

/** Alias → canonical name, case-insensitively, as score.mjs normalises vendors. */
export function vendorNormaliser(table: Record<string, string[]>): (v: string) => string {
  const map = new Map<string, string>();
  for (const c of Object.keys(table)) map.set(key(c), c);
  for (const [c, aliases] of Object.entries(table)) for (const a of aliases) if (!map.has(key(a))) map.set(key(a), c);
  return (v) => map.get(key(v)) ?? v.trim();
}

const ratio = (a: number, b: number): number => (b > 0 ? a / b : 0);
const f1 = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const sameSet = (a: Set<string>, b: Set<string>): boolean => a.size === b.size && [...a].every((x) => b.has(x));

function describe(rel: boolean, countries: Iterable<string>, vendors: Iterable<string>, measure: string | null, stage: string | null): string {
  if (!rel) return 'not relevant';
  return `${[...countries].sort().join(',') || '-'} | ${[...vendors].sort().join(',') || '-'} | ${measure ?? '-'}/${stage ?? '-'}`;
}

export interface Scored {
  gold: GoldItem;
  pred: Classification;
}

/** Scores pairs; `errors` receives the per-item errors of tune items only (never holdout). */
export function score(pairs: Scored[], norm: (v: string) => string, errors?: ItemError[]): Scores {
  let tp = 0, fp = 0, fn = 0, tn = 0, both = 0, country = 0, measure = 0, stage = 0, vTp = 0, vFp = 0, vFn = 0;
  const stageConfusion: Record<string, Record<string, number>> = {};
  const measureConfusion: Record<string, Record<string, number>> = {};
  const stageCalibration: Record<string, { n: number; right: number }> = {};
  for (const { gold: g, pred: p } of pairs) {
    const gRel = g.relevant === true;
    const wrong: string[] = [];
    let kind = '';
    if (gRel && p.relevant) {
      tp++;
      both++;
      const gc = new Set((g.countries ?? []).map((c) => c.toUpperCase()));
      const pc = new Set(p.countries.map((c) => c.toUpperCase()));
      const gv = new Set((g.vendors ?? []).map(norm));
      const pv = new Set(p.vendors.map(norm));
      const inter = [...gv].filter((v) => pv.has(v)).length;
      vTp += inter;
      vFp += pv.size - inter;
      vFn += gv.size - inter;
      const mOk = g.measure === p.measure || (g.measure_alt ?? []).includes(p.measure as string);
      const sOk = g.stage === p.stage || (g.stage_alt ?? []).includes(p.stage as string);
      if (sameSet(gc, pc)) country++;
      else wrong.push('country');
      if (inter !== gv.size || inter !== pv.size) wrong.push('vendors');
      if (mOk) measure++;
      else wrong.push('measure');
      if (sOk) stage++;
      else wrong.push('stage');
      const bucket = (Math.floor(Math.min(0.99, p.stageConfidence ?? 0) * 10) / 10).toFixed(1);
      const cal = (stageCalibration[bucket] ??= { n: 0, right: 0 });
      cal.n++;
      if (sOk) cal.right++;
      const gs = String(g.stage);
      const ps = sOk ? gs : String(p.stage);
      (stageConfusion[gs] ??= {})[ps] = (stageConfusion[gs]?.[ps] ?? 0) + 1;
      const gm = String(g.measure);
      const pm = mOk ? gm : String(p.measure);
      (measureConfusion[gm] ??= {})[pm] = (measureConfusion[gm]?.[pm] ?? 0) + 1;
      if (wrong.length) kind = `wrong ${wrong.join('+')}`;
    } else if (p.relevant) {
      fp++;
      kind = 'false positive';
    } else if (gRel) {
      fn++;
      kind = 'missed';
    } else tn++;
    if (kind && errors && g.split !== 'holdout') {
      errors.push({
        id: g.id, language: String(g.language ?? '?'), kind,
        gold: describe(gRel, g.countries ?? [], g.vendors ?? [], g.measure, g.stage) +
          (g.stage_alt?.length ? ` (alt ${g.stage_alt.join(',')})` : ''),
        pred: describe(p.relevant, p.countries, p.vendors, p.measure, p.stage),
        title: String(g.title), evidence: p.evidence, rules: p.rules ?? [],
      });
    }
  }
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  const vp = ratio(vTp, vTp + vFp);
  const vr = ratio(vTp, vTp + vFn);
  return {
    n: pairs.length, relevantGold: tp + fn, tp, fp, fn, tn, precision, recall, f1: f1(precision, recall), both,
    country: ratio(country, both), vendorF1: f1(vp, vr), measure: ratio(measure, both), stage: ratio(stage, both),
    stageConfusion, measureConfusion, stageCalibration,
  };
}

export const STAGE_ORDER = ['proposed', 'announced', 'in_force', 'lifted', 'rejected'];

/** Groups items by a key, keeping first-seen order. */
export function groupBy<T>(list: T[], keyOf: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const t of list) {
    const k = keyOf(t);
    let l = out.get(k);
    if (!l) out.set(k, (l = []));
    l.push(t);
  }
  return out;
}

const f3 = (x: number): string => x.toFixed(3);

/** One markdown table row: set, items, relevant, P, R, F1, country, vendor, measure, stage (n). */
export function row(name: string, s: Scores): string {
  return `| ${name} | ${s.n} | ${s.relevantGold} | ${f3(s.precision)} | ${f3(s.recall)} | ${f3(s.f1)} | ${f3(s.country)} | ${f3(s.vendorF1)} | ${f3(s.measure)} | ${f3(s.stage)} (${s.both}) |`;
}

export const HEADER = '| set | items | relevant | P | R | F1 | country | vendor F1 | measure | stage (n) |\n|---|---|---|---|---|---|---|---|---|---|';

/** The stage confusion matrix as a markdown table (rows gold, columns predicted). */
export function confusionTable(conf: Record<string, Record<string, number>>): string {
  const cols = [...STAGE_ORDER];
  for (const r of Object.values(conf)) for (const k of Object.keys(r)) if (!cols.includes(k)) cols.push(k);
  const lines = [`| gold \\ pred | ${cols.join(' | ')} |`, `|---|${cols.map(() => '---').join('|')}|`];
  for (const g of [...STAGE_ORDER, ...Object.keys(conf).filter((k) => !STAGE_ORDER.includes(k))]) {
    if (!conf[g]) continue;
    lines.push(`| ${g} | ${cols.map((c) => conf[g]?.[c] ?? 0).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** Stage accuracy per stageConfidence bucket, as a markdown table. */
export function calibrationTable(cal: Record<string, { n: number; right: number }>): string {
  const lines = ['| stageConfidence | items | stage right |', '|---|---|---|'];
  for (const k of Object.keys(cal).sort().reverse()) {
    const c = cal[k] as { n: number; right: number };
    lines.push(`| [${k}, ${(Number(k) + 0.1).toFixed(1)}) | ${c.n} | ${(c.right / c.n).toFixed(2)} |`);
  }
  return lines.join('\n');
}

/**
 * The labelled sets the scripts score when given no files, as [name, paths]: `real` (every
 * fixtures/real/*.jsonl) and `replay` (fixtures/replay/items.jsonl), each when present under `root`.
 */
export function defaultSets(root: string): Array<[string, string[]]> {
  const realDir = join(root, 'fixtures', 'real');
  const sets: Array<[string, string[]]> = [];
  if (existsSync(realDir)) {
    sets.push(['real', readdirSync(realDir).filter((f) => f.endsWith('.jsonl')).sort().map((f) => join(realDir, f))]);
  }
  const replay = join(root, 'fixtures', 'replay', 'items.jsonl');
  if (existsSync(replay)) sets.push(['replay', [replay]]);
  return sets;
}

/**
 * A news item as a Google News search delivers it, once the feed parser has read it: the title
 * "headline - outlet" (the outlet named after the link's host, as scripts/replay.ts does) and no lead
 * (the description, a link to the headline plus the outlet's name, reads as empty). Government feeds
 * are their own feeds, not Google News: they keep their text.
 */
export function googleShape(g: GoldItem): GoldItem {
  if (g.feed?.kind === 'government') return g;
  let outlet = 'news';
  try {
    if (g.link) outlet = new URL(g.link).hostname.replace(/^www\./, '');
  } catch {
    // an unparsable link: a generic outlet name
  }
  return { ...g, title: `${g.title} - ${outlet}`, summary: '' };
}
