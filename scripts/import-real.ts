/**
 * Builds fixtures/real/<lang>.jsonl from the collectors' files (real published headlines + leads,
 * labelled per LABELS.md): every item kept with its id, fields and split, grouped by its `language`,
 * in the collectors' order. Checks every line: JSON, required fields, LABELS.md values, canonical
 * vendor names, ISO country codes, a tune/holdout split, unique ids. Label slips are fixed only
 * through CORRECTIONS below, each with its reason (the original value is kept in `fixed`).
 *
 *   npx tsx scripts/import-real.ts [SRC_DIR=/work/data/real] [--check] [--append]
 *
 * --check validates and reports without writing.
 * --append adds a later collector batch (its own directory) after the items already in
 * fixtures/real/<lang>.jsonl instead of rewriting the files: existing lines stay byte-identical, and
 * an id or link already in the fixtures is a problem (nothing is written while any problem remains).
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MEASURES, STAGES } from '../lambdas/core/model.js';
import vendors from '../lambdas/core/classifier/rules/vendors.json' with { type: 'json' };

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'real');

/** id → fields to set, and why. Only obvious slips (a value the item's own note contradicts, a typo). */
const CORRECTIONS: Record<string, { set: Record<string, unknown>; why: string }> = {};

type Item = Record<string, unknown> & { id: string };

export function validate(item: Item): string[] {
  const errs: string[] = [];
  const canon = new Set(Object.keys(vendors));
  for (const f of ['id', 'title', 'language', 'relevant', 'countries', 'vendors', 'split']) if (!(f in item)) errs.push(`missing ${f}`);
  if (typeof item.title !== 'string' || !item.title.trim()) errs.push('empty title');
  if (item.split !== 'tune' && item.split !== 'holdout') errs.push(`split ${String(item.split)}`);
  const rel = item.relevant;
  if (typeof rel !== 'boolean') errs.push('relevant not boolean');
  const countries = item.countries as unknown;
  const vs = item.vendors as unknown;
  if (!Array.isArray(countries) || !Array.isArray(vs)) return [...errs, 'countries/vendors not arrays'];
  for (const c of countries) if (typeof c !== 'string' || !/^(?:[A-Z]{2})$/.test(c)) errs.push(`country ${String(c)}`);
  for (const v of vs) if (!canon.has(v as string)) errs.push(`vendor ${String(v)} not canonical`);
  for (const m of [item.measure, ...((item.measure_alt as unknown[]) ?? [])]) {
    if (m !== null && m !== undefined && !(MEASURES as readonly unknown[]).includes(m)) errs.push(`measure ${String(m)}`);
  }
  for (const s of [item.stage, ...((item.stage_alt as unknown[]) ?? [])]) {
    if (s !== null && s !== undefined && !(STAGES as readonly unknown[]).includes(s)) errs.push(`stage ${String(s)}`);
  }
  if (rel === true && (!countries.length || !vs.length || !item.measure || !item.stage)) errs.push('relevant without countries/vendors/measure/stage');
  if (rel === false && (countries.length || vs.length || item.measure || item.stage)) errs.push('not relevant but labelled');
  if (item.published !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(item.published))) errs.push(`published ${String(item.published)}`);
  return errs;
}

function main(): void {
  const args = process.argv.slice(2);
  const check = args.includes('--check');
  const append = args.includes('--append');
  const src = args.find((a) => !a.startsWith('--')) ?? '/work/data/real';
  const byLang = new Map<string, string[]>();
  const ids = new Set<string>();
  // In --append mode the fixtures' own ids and links count as taken: a batch never repeats an item.
  const links = new Set<string>();
  if (append && existsSync(OUT)) {
    for (const f of readdirSync(OUT).filter((f) => f.endsWith('.jsonl'))) {
      for (const line of readFileSync(join(OUT, f), 'utf8').split(/\r?\n/)) {
        if (!line.trim()) continue;
        const old = JSON.parse(line) as Item;
        ids.add(old.id);
        if (typeof old.link === 'string') links.add(old.link);
      }
    }
  }
  let n = 0;
  let bad = 0;
  for (const file of readdirSync(src).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(join(src, file), 'utf8').split(/\r?\n/).forEach((line, i) => {
      if (!line.trim()) return;
      let item: Item;
      try {
        item = JSON.parse(line) as Item;
      } catch {
        bad++;
        process.stderr.write(`${file}:${i + 1}: not JSON\n`);
        return;
      }
      const fix = CORRECTIONS[item.id];
      if (fix) {
        const fixed: Record<string, unknown> = {};
        for (const k of Object.keys(fix.set)) fixed[k] = item[k] ?? null;
        item = { ...item, ...fix.set, fixed: { ...fixed, why: fix.why } };
      }
      const errs = validate(item);
      if (ids.has(item.id)) errs.push('duplicate id');
      ids.add(item.id);
      if (append && typeof item.link === 'string') {
        if (links.has(item.link)) errs.push('link already in the fixtures');
        links.add(item.link);
      }
      if (errs.length) {
        bad++;
        process.stderr.write(`${file}:${i + 1} ${item.id}: ${errs.join('; ')}\n`);
      }
      n++;
      const lang = String(item.language ?? 'xx');
      let list = byLang.get(lang);
      if (!list) byLang.set(lang, (list = []));
      list.push(JSON.stringify(item));
    });
  }
  const summary = [...byLang].map(([l, list]) => `${l} ${list.length}`).join(', ');
  process.stdout.write(`${n} items (${summary}); ${bad} with problems\n`);
  if (check) return;
  if (append) {
    if (bad) throw new Error(`${bad} items with problems: nothing appended`);
    mkdirSync(OUT, { recursive: true });
    for (const [lang, list] of byLang) appendFileSync(join(OUT, `${lang}.jsonl`), `${list.join('\n')}\n`);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  for (const f of readdirSync(OUT).filter((f) => f.endsWith('.jsonl'))) if (!byLang.has(f.replace(/\.jsonl$/, ''))) process.stderr.write(`stale ${f} left alone\n`);
  for (const [lang, list] of byLang) writeFileSync(join(OUT, `${lang}.jsonl`), `${list.join('\n')}\n`);
}

main();
