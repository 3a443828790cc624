/**
 * When a measure takes effect, as its report states it: "from 1 April", "d'ici à 2028",
 * "令和9年4月1日以降", "ab sofort". Pure: the year of a date without one is inferred from the
 * report's own publication time, never from a clock. The rules are data
 * (rules/effective-dates.json); each hit names its rule id.
 */
import type { EffectiveDate, EventSource } from './model.js';
import rules from './rules/effective-dates.json' with { type: 'json' };

interface CompiledRule {
  id: string;
  lang: string;
  kind: EffectiveDate['kind'];
  re: RegExp;
}

const YEAR = '(?<y>(?:19|20)\\d{2})';
const DAY = '(?<d>[0-3]?\\d)(?:er|st|nd|rd|th|°|º|\\.)?';

/** The date shapes that follow a Latin-script trigger, most specific first. */
function dateForms(months: string): string[] {
  return [
    `(?<iso>(?<iy>(?:19|20)\\d{2})-(?<im>[01]\\d)-(?<id>[0-3]\\d))`,
    `${DAY}\\s+(?:de\\s+)?(?<m>${months})(?:,?\\s+(?:de\\s+)?${YEAR})?`,
    `(?<m>${months})\\s+(?<d>[0-3]?\\d)(?:st|nd|rd|th)?(?:,\\s*${YEAR})?`,
    `(?<m>${months})\\s+(?:de\\s+|of\\s+)?${YEAR}`,
    `(?<end>(?:the\\s+)?(?:end|fin|ende|fine|finales|final)\\s+(?:of\\s+|de\\s+|d'|del\\s+)?)?${YEAR}`,
    `(?<m>${months})`,
  ];
}

const MONTH_INDEX = new Map<string, Map<string, number>>();

function compile(): CompiledRule[] {
  const out: CompiledRule[] = [];
  for (const [lang, names] of Object.entries(rules.months)) {
    const index = new Map<string, number>();
    names.forEach((forms, i) => forms.forEach((f) => index.set(f, i + 1)));
    MONTH_INDEX.set(lang, index);
  }
  for (const r of rules.latin) {
    const months = [...(MONTH_INDEX.get(r.lang)?.keys() ?? [])].sort((a, b) => b.length - a.length).join('|');
    for (const form of dateForms(months)) {
      // A trigger must start a word and the date must end one: "from 2019s" or "bymay" are no dates.
      out.push({ id: r.id, lang: r.lang, kind: r.kind as 'from' | 'by', re: new RegExp(`(?<![\\p{L}\\p{N}])${r.before}${form}(?![\\p{L}\\p{N}])`, 'giu') });
    }
  }
  for (const r of rules.immediate) out.push({ id: r.id, lang: r.lang, kind: 'immediate', re: new RegExp(r.pattern, 'giu') });
  for (const r of rules.cjk) out.push({ id: r.id, lang: r.lang, kind: r.kind as 'from' | 'by', re: new RegExp(r.pattern, 'gu') });
  return out;
}

let compiled: CompiledRule[] | null = null;

const pad = (n: number) => String(n).padStart(2, '0');
const ERA_START: Record<string, number> = { 令和: 2018, 平成: 1988 };
/** A stated date more than this long before its report is the past, so a date without a year is next year's. */
const PAST_TOLERANCE_MS = 60 * 86_400_000;

interface Parts {
  y?: number;
  m?: number;
  d?: number;
}

function partsOf(groups: Record<string, string | undefined>, lang: string): Parts | null {
  const g = groups;
  if (g.iso) return { y: Number(g.iy), m: Number(g.im), d: Number(g.id) };
  const p: Parts = {};
  if (g.era) p.y = (ERA_START[g.era] ?? 0) + (g.ey === '元' ? 1 : Number(g.ey));
  else if (g.y) p.y = Number(g.y);
  if (g.m) {
    const n = /^\d+$/.test(g.m) ? Number(g.m) : MONTH_INDEX.get(lang)?.get(g.m.toLowerCase());
    if (!n) return null;
    p.m = n;
  }
  if (g.d) p.d = Number(g.d);
  // Japan's fiscal year N starts on 1 April of N.
  if (g.fy !== undefined && p.y) {
    p.m = 4;
    p.d = 1;
  }
  if (g.end !== undefined && g.end !== '' && p.y && !p.m) p.m = 12;
  return p;
}

/** A stated year this far before the report is history ("revenue from 2019"), not when a measure takes effect. */
const HISTORY_MS = 365 * 86_400_000;

function valid(p: Parts, published: string | null): boolean {
  if (p.y === undefined && p.m === undefined) return false;
  if (p.m !== undefined && (p.m < 1 || p.m > 12)) return false;
  if (p.d !== undefined) {
    if (p.m === undefined || p.d < 1) return false;
    // 31 February is no day (Date.UTC would roll it into March).
    const y = p.y ?? 2000;
    if (new Date(Date.UTC(y, p.m - 1, p.d)).getUTCDate() !== p.d) return false;
  }
  if (p.y !== undefined) {
    if (p.y < 1990 || p.y > 2100) return false;
    const t = published ? Date.parse(published) : NaN;
    if (Number.isFinite(t) && Date.UTC(p.y, (p.m ?? 12) - 1, p.d ?? 28) < t - HISTORY_MS) return false;
  }
  return true;
}

/** "2027", "2027-04" or "2027-04-01"; a missing year is the first that is not well in the past. */
function dateOf(p: Parts, published: string | null): string | null {
  let y = p.y;
  if (y === undefined) {
    const t = published ? Date.parse(published) : NaN;
    if (!Number.isFinite(t)) return null;
    y = new Date(t).getUTCFullYear();
    const stated = Date.UTC(y, (p.m ?? 1) - 1, p.d ?? 28);
    if (stated < t - PAST_TOLERANCE_MS) y += 1;
  }
  if (p.m === undefined) return String(y);
  if (p.d === undefined) return `${y}-${pad(p.m)}`;
  return `${y}-${pad(p.m)}-${pad(p.d)}`;
}

/**
 * The effective date a report's text states, or null. `text` is its headline and lead (plain text);
 * `published` dates a stated day without a year and "immediately"; `language` narrows the rules
 * (all are tried when it is unknown or unsupported). The first statement in the text wins; at one
 * position, the longest.
 */
export function effectiveDateOf(text: string, published: string | null, language?: string | null): EffectiveDate | null {
  compiled ??= compile();
  const t = text.normalize('NFKC').slice(0, 6000);
  const lang = language?.toLowerCase().split('-')[0] ?? null;
  const own = compiled.filter((r) => r.lang === lang);
  const candidates = own.length ? own : compiled;
  let best: { index: number; length: number; rule: CompiledRule; groups: Record<string, string | undefined>; phrase: string } | null = null;
  for (const rule of candidates) {
    rule.re.lastIndex = 0;
    for (const m of t.matchAll(rule.re)) {
      if (best && (m.index > best.index || (m.index === best.index && m[0].length <= best.length))) continue;
      best = { index: m.index, length: m[0].length, rule, groups: m.groups ?? {}, phrase: m[0].trim() };
    }
  }
  if (!best) return null;
  if (best.rule.kind === 'immediate') {
    const at = published ? Date.parse(published) : NaN;
    if (!Number.isFinite(at)) return null;
    return { kind: 'immediate', date: new Date(at).toISOString().slice(0, 10), phrase: best.phrase, rule: best.rule.id };
  }
  const parts = partsOf(best.groups, best.rule.lang);
  if (!parts || !valid(parts, published)) {
    // The earliest hit was no date (a bare "부터"): look past it.
    const rest = effectiveDateOf(t.slice(best.index + Math.max(1, best.length)), published, language);
    return rest;
  }
  const date = dateOf(parts, published);
  if (!date) return null;
  return { kind: best.rule.kind, date, phrase: best.phrase, rule: best.rule.id };
}

/**
 * The event's effective date from its sources: an official source's word first, then the report
 * that set the current stage, then the newest report that states one.
 */
export function pickEffective(sources: EventSource[], stageSetter?: string): EffectiveDate | undefined {
  const stated = sources.filter((s) => s.effective);
  const pick = stated.find((s) => s.official) ?? stated.find((s) => s.itemKey === stageSetter) ?? stated.at(-1);
  return pick?.effective;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "from 1 Apr 2027", "by 2028", "immediately, 16 Nov 2026". */
export function describeEffective(e: EffectiveDate): string {
  const [y, m, d] = e.date.split('-');
  const date = d ? `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}` : m ? `${MONTHS[Number(m) - 1]} ${y}` : String(y);
  if (e.kind === 'immediate') return `immediately, ${date}`;
  return `${e.kind} ${date}`;
}
