/**
 * The one or two phrases that show a reader why a report is a measure: the classifier's evidence,
 * widened to whole words and clauses of the report's own text, without bare names. The
 * classifier quotes windows of text ("ファーウェイ・ZTE製品を排除へ IT調達に関する申合", cut mid-word;
 * "Japan"; "Huawei"): useful to debug rules, not to convince an analyst. Pure.
 */
import type { Classification } from './model.js';
import { htmlToText, withoutDateline } from './text.js';

/** A phrase this long is a sentence already: it is not widened further, and two are not merged past it. */
const MAX_PHRASE = 260;
/** A clause end further than this from the classifier's window is not looked for (an unpunctuated page). */
const MAX_WIDEN = 40;
/** A clause's end or start this near the phrase is taken in whole. */
const MAX_CLAUSE_WIDEN = 160;
const MAX_PHRASES = 2;
/** Text read: the headline and the start of the lead, where the classifier's evidence comes from. */
const MAX_TEXT = 6000;

/** Characters inside a word or a CJK clause; anything else (space, punctuation) ends it. */
const WORDISH = /[\p{L}\p{N}\p{M}'\u2019\-\u30fb\u00b7]/u;
/** Scripts written without spaces: a phrase of them needs more characters to say anything. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
/** Wire-service decorations of a headline ("UPDATE 1-", "EXCLUSIVE-", " -sources"): not what the report says. */
const WIRE_PREFIX = /^(?:(?:UPDATE|REFILE|CORRECTED|EXCLUSIVE|BREAKINGVIEWS|ANALYSIS)(?:\s+\d+)?\s*[-:]\s*|\d+-(?=\p{Lu}))/u;
const WIRE_SUFFIX = /\s+-\s*(?:sources?|source says|report|reports|document)$/i;
const SEP = '\u0000';

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Names alone ("Japan", "ファーウェイ", "各府省庁") show nothing: the vendors, countries and aliases the rules matched. */
function namesOf(c: Pick<Classification, 'vendors' | 'countries' | 'rules'>): Set<string> {
  const names = new Set<string>([...c.vendors, ...c.countries].map((n) => n.toLowerCase()));
  for (const r of c.rules ?? []) {
    const m = /^(?:vendor\.[^.]+|country-name\.[^.]+\.[^.]+)\.(.+)$/.exec(r);
    if (m?.[1]) names.add(m[1].toLowerCase());
  }
  return names;
}

/** Is the phrase too little to read: a name, one word, a few CJK characters? */
export function isBare(phrase: string, names: Set<string> = new Set()): boolean {
  const p = collapse(phrase).replace(/^["'(]+|["').,;:]+$/g, '');
  if (names.has(p.toLowerCase())) return true;
  if (UNSPACED.test(p)) {
    let rest = p;
    for (const n of names) if (n) rest = rest.split(n).join('');
    return [...rest.replace(/[\s\p{P}]/gu, '')].length < 5;
  }
  return p.split(' ').filter((w) => /[\p{L}\p{N}]/u.test(w)).length < 2;
}

interface Range {
  a: number;
  b: number;
}

/** Where a clause ends: sentence punctuation (Latin and CJK), or the headline/lead boundary. */
const CLAUSE_END = /(?<!(?:^|[\s.])\p{Lu})\.(?=\s|$)|[!?;\u3002\uff01\uff1f\uff1b\u0000]/u;

function widen(text: string, r: Range): Range & { cutLeft: boolean; cutRight: boolean } {
  let { a, b } = r;
  let left = 0;
  while (a > 0 && WORDISH.test(text.charAt(a - 1)) && left < MAX_WIDEN) (a--, left++);
  let right = 0;
  while (b < text.length && WORDISH.test(text.charAt(b)) && right < MAX_WIDEN) (b++, right++);
  // Then to the clause around it, when that is near: "…voted 4-0 to ban approvals of new
  // telecommunications and" reads as a cut; the clause up to its full stop does not.
  const before = text.slice(Math.max(0, a - MAX_CLAUSE_WIDEN), a);
  const start = Math.max(...[...before.matchAll(new RegExp(CLAUSE_END.source, 'gu'))].map((m) => m.index + 1), a - MAX_CLAUSE_WIDEN <= 0 ? 0 : -1);
  if (start >= 0) a = Math.max(0, a - before.length + start);
  const after = text.slice(b, b + MAX_CLAUSE_WIDEN);
  const end = after.search(CLAUSE_END);
  if (end >= 0) b += end + (text.charAt(b + end) === SEP ? 0 : 1);
  else if (b + after.length >= text.length) b = text.length;
  while (a < b && /\s/.test(text.charAt(a))) a++;
  return { a, b, cutLeft: a > 0 && WORDISH.test(text.charAt(a - 1)), cutRight: b < text.length && WORDISH.test(text.charAt(b)) };
}

function find(text: string, lower: string, phrase: string): Range | null {
  const p = collapse(phrase);
  if (!p) return null;
  let i = text.indexOf(p);
  if (i < 0 && lower.length === text.length) i = lower.indexOf(p.toLowerCase());
  return i < 0 ? null : { a: i, b: i + p.length };
}

function clean(s: string): string {
  return withoutDateline(s).replace(WIRE_PREFIX, '').replace(WIRE_SUFFIX, '').replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, '').trim();
}

/**
 * Up to two decisive phrases of a report: its first measure phrase and its stage phrase, each
 * widened to whole words (whole clauses in scripts without spaces), overlapping ones merged,
 * names alone dropped.
 */
export function decisivePhrases(
  title: string,
  summary: string | null | undefined,
  c: Pick<Classification, 'evidence' | 'stageEvidence' | 'vendors' | 'countries' | 'rules'>,
): string[] {
  const text = `${collapse(htmlToText(title))}${SEP}${collapse(htmlToText(summary ?? '')).slice(0, MAX_TEXT)}`;
  const lower = text.toLowerCase();
  const names = namesOf(c);
  const candidates = [c.evidence[0], ...(c.stageEvidence ?? []), ...c.evidence.slice(1)].filter((e): e is string => !!e);
  const chosen: Array<Range & { cutLeft: boolean; cutRight: boolean }> = [];
  const loose: string[] = [];
  for (const phrase of candidates) {
    const at = find(text, lower, phrase);
    if (!at) {
      // Not in the text as we read it (the classifier saw another normalisation): as it is, if whole.
      if (!isBare(phrase, names) && !loose.includes(collapse(phrase))) loose.push(collapse(phrase));
      continue;
    }
    const w = widen(text, at);
    if (text.slice(w.a, w.b).includes(SEP)) continue;
    if (isBare(text.slice(w.a, w.b), names)) continue;
    const overlapping = chosen.find((r) => w.a <= r.b + 1 && w.b >= r.a - 1 && !text.slice(Math.min(r.a, w.a), Math.max(r.b, w.b)).includes(SEP));
    if (overlapping) {
      const a = Math.min(overlapping.a, w.a);
      const b = Math.max(overlapping.b, w.b);
      if (b - a <= MAX_PHRASE) {
        overlapping.cutLeft = a === w.a ? w.cutLeft : overlapping.cutLeft;
        overlapping.cutRight = b === w.b ? w.cutRight : overlapping.cutRight;
        overlapping.a = a;
        overlapping.b = b;
      }
      continue;
    }
    if (chosen.length < MAX_PHRASES) chosen.push(w);
  }
  const out = chosen
    .sort((x, y) => x.a - y.a)
    .map((r) => {
      let s = clean(text.slice(r.a, r.b));
      if (s.length > MAX_PHRASE) s = `${s.slice(0, MAX_PHRASE - 1).replace(/\s+\S*$/, '')}\u2026`;
      return `${r.cutLeft ? '\u2026' : ''}${s}${r.cutRight ? '\u2026' : ''}`;
    })
    .filter((s) => s && !isBare(s, names));
  for (const l of loose) if (out.length < MAX_PHRASES && !out.some((o) => o.includes(l))) out.push(l);
  return out.slice(0, MAX_PHRASES);
}

/** Phrases for an event stored before reports kept their own: its evidence without names, fragments and repeats. */
export function phrasesFromEvidence(evidence: string[], names: string[] = []): string[] {
  const set = new Set(names.map((n) => n.toLowerCase()));
  const out: string[] = [];
  for (const e of evidence) {
    const p = clean(collapse(e));
    if (!p || isBare(p, set) || out.some((o) => o.includes(p))) continue;
    out.push(p);
    if (out.length >= MAX_PHRASES) break;
  }
  return out;
}
