/**
 * Compiles rule data into matchers once, at rule load: one alternation regex per lexicon and case
 * mode, so classifying an item is a handful of linear scans and no regex is built per item.
 */
import type { Cue, Lexicon, Rules, VendorPattern } from './types.js';

/** One cue match in the item text. */
export interface Hit {
  cue: Cue;
  /** Rule family (restrict, stage, measure…): a hit inside a longer hit of its family is dropped. */
  fam: string;
  start: number;
  end: number;
  text: string;
}

export class RuleError extends Error {
  readonly code = 'CLASSIFIER_RULE_INVALID';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RuleError';
  }
}

// A letter or digit on either side means we are inside a word (Latin, Cyrillic, Greek…). CJK
// characters are letters too, so a Latin cue right next to CJK text would fail: the boundary is
// limited to alphabetic scripts, as in the baseline.
const WORD_CHAR = '[\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}_]';
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function hasCjk(s: string): boolean {
  return CJK.test(s);
}

function validatePattern(id: string, pattern: string): void {
  let re: RegExp;
  try {
    re = new RegExp(`(?:${pattern})|`, 'u');
  } catch (err) {
    throw new RuleError(`rule ${id}: invalid pattern ${JSON.stringify(pattern)}`, { cause: err });
  }
  const m = re.exec('');
  if (m && m.length > 1) throw new RuleError(`rule ${id}: capturing group in pattern (use (?:…))`);
  if (new RegExp(`^(?:${pattern})$`, 'u').test('')) throw new RuleError(`rule ${id}: pattern matches the empty string`);
}

interface Part {
  re: RegExp;
  cues: Cue[];
  fam: string;
}

/**
 * The decision a cue mainly feeds. Cues of different families are compiled into different regexes,
 * so a stage cue ("bans" as a headline verb) never hides a restriction cue at the same position.
 */
function family(c: Cue): string {
  if (c.restrict) return 'restrict';
  if (c.stage) return 'stage';
  if (c.measure) return 'measure';
  if (c.country) return 'country';
  if (c.noise) return 'noise';
  if (c.nonActing) return 'context';
  if (c.bystander) return 'bystander';
  return 'actor';
}

/**
 * A set of cues compiled into a few regexes (family × case mode × word boundaries) (case-sensitive or not × bounded or not). Each
 * cue is one capturing group; the group that matched names the cue.
 */
/**
 * Drops hits that lie inside a longer hit of the same family: "will be banned" is an announced-stage
 * cue, and the "banned" inside it must not also vote for in force.
 */
export function dropSubsumed(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  const out: Hit[] = [];
  for (const b of hits) {
    let inside = false;
    for (const a of hits) {
      if (a !== b && a.fam === b.fam && a.start <= b.start && b.end <= a.end && a.end - a.start > b.end - b.start) {
        inside = true;
        break;
      }
    }
    if (!inside) out.push(b);
  }
  return out;
}

export class CueSet {
  private readonly parts: Part[] = [];
  readonly size: number;

  constructor(cues: Cue[], bounded: boolean) {
    // A space in a pattern stands for any run of whitespace, so lexicons stay readable.
    cues = cues.map((c) => (c.pattern.includes(' ') ? { ...c, pattern: c.pattern.replace(/ /g, '\\s+') } : c));
    for (const c of cues) validatePattern(c.id, c.pattern);
    // Longer patterns first: at one position the first matching alternative wins, and the longer
    // phrase ("will not ban") is the more specific cue.
    const sorted = [...cues].sort((a, b) => b.pattern.length - a.pattern.length || a.id.localeCompare(b.id));
    const groups = new Map<string, Cue[]>();
    for (const c of sorted) {
      // CJK patterns never get word boundaries, even in a Latin lexicon (e.g. an agency's native name).
      const b = bounded && !hasCjk(c.pattern);
      const key = `${c.cs ? 'cs' : 'ci'}:${b ? 'b' : 'n'}:${family(c)}`;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(c);
    }
    for (const [key, list] of groups) {
      const [mode, bound, fam] = key.split(':');
      const body = list.map((c) => `(${c.pattern})`).join('|');
      const src = bound === 'b' ? `(?<!${WORD_CHAR})(?:${body})(?!${WORD_CHAR})` : body;
      this.parts.push({ re: new RegExp(src, mode === 'cs' ? 'gu' : 'giu'), cues: list, fam: fam as string });
    }
    this.size = cues.length;
  }

  /** Appends every match to `out`; overlapping matches that start at different positions are all kept. */
  scan(text: string, out: Hit[]): void {
    for (const { re, cues, fam } of this.parts) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        let g = 1;
        while (g < m.length && m[g] === undefined) g++;
        const cue = cues[g - 1];
        const matched = m[g] ?? m[0];
        if (cue) out.push({ cue, fam, start: m.index, end: m.index + matched.length, text: matched });
        // Step one character, not past the match: "will ban" and "ban" are both cues.
        re.lastIndex = m.index + 1;
      }
    }
  }
}

export interface VendorCue extends Cue {
  vendor: string;
}

export interface CompiledLexicon {
  lexicon: Lexicon;
  cues: CueSet;
  stopwords: RegExp | null;
}

export interface CompiledRules {
  rules: Rules;
  lexicons: Map<string, CompiledLexicon>;
  common: CompiledLexicon | null;
  vendors: CueSet;
  vendorPatterns: CueSet;
  latinLanguages: string[];
}

function vendorCues(rules: Rules): VendorCue[] {
  const out: VendorCue[] = [];
  for (const [canonical, aliases] of Object.entries(rules.vendors)) {
    const seen = new Set<string>();
    for (const alias of [canonical, ...aliases]) {
      const forms = hasCjk(alias) || /[\u0400-\u04ff]/.test(alias)
        ? [alias]
        // Proper names match case-sensitively ("Apple", not "apple"), plus the all-caps and
        // capitalised spellings headlines use ("HUAWEI", "Tiktok").
        : [alias, alias.toUpperCase(), alias.charAt(0).toUpperCase() + alias.slice(1).toLowerCase()];
      for (const form of forms) {
        if (seen.has(form)) continue;
        seen.add(form);
        const body = escapeRe(form).replace(/\\?\s+/g, '[\\s\\u00a0-]+');
        out.push({
          id: `vendor.${canonical}.${form}`,
          // Possessive and German genitive forms ("Huawei's", "Huaweis") still name the vendor.
          pattern: hasCjk(form) ? body : `${body}(?:['\u2019]s|s)?`,
          cs: true,
          vendor: canonical,
        });
      }
    }
  }
  return out;
}

function vendorAlternation(rules: Rules, script: 'latin' | 'cjk'): string {
  const names: string[] = [];
  for (const [canonical, aliases] of Object.entries(rules.vendors)) {
    for (const a of [canonical, ...aliases]) if (hasCjk(a) === (script === 'cjk')) names.push(escapeRe(a));
  }
  names.sort((a, b) => b.length - a.length);
  return `(?:${names.join('|')})(?:['\u2019]s)?`;
}

function compilePatterns(rules: Rules): CueSet {
  const latin = vendorAlternation(rules, 'latin');
  const cjk = vendorAlternation(rules, 'cjk');
  const latinCues: Cue[] = [];
  const cjkCues: Cue[] = [];
  for (const p of rules.vendorPatterns as VendorPattern[]) {
    const script = p.script ?? 'latin';
    const cue: Cue = {
      id: p.id,
      pattern: p.pattern.replaceAll('{V}', script === 'cjk' ? `(?:${cjk}|${latin})` : latin),
      ...(p.noise !== undefined ? { noise: p.noise } : {}),
      ...(p.reason !== undefined ? { reason: p.reason } : {}),
      ...(p.bodyFactor !== undefined ? { bodyFactor: p.bodyFactor } : {}),
      ...(p.stage !== undefined ? { stage: p.stage, sw: p.sw ?? 1 } : {}),
      ...(p.restrict !== undefined ? { restrict: p.restrict } : {}),
    };
    (script === 'cjk' ? cjkCues : latinCues).push(cue);
  }
  // Both kinds live in one set: the CJK ones are unbounded automatically when they contain CJK.
  return new CueSet([...latinCues, ...cjkCues], true);
}

export function compileRules(rules: Rules): CompiledRules {
  const lexicons = new Map<string, CompiledLexicon>();
  let common: CompiledLexicon | null = null;
  const latinLanguages: string[] = [];
  for (const [code, lexicon] of Object.entries(rules.lexicons)) {
    if (lexicon.language !== code) throw new RuleError(`lexicon ${code}: language field says ${lexicon.language}`);
    const cues = [...lexicon.cues];
    const names = rules.countryNames[code] ?? {};
    for (const [country, list] of Object.entries(names)) {
      for (const name of list) {
        cues.push({ id: `country-name.${code}.${country}.${name}`, pattern: escapeRe(name).replace(/\s+/g, '\\s+'), cs: true, country, cw: 2 });
      }
    }
    const ids = new Set<string>();
    for (const c of cues) {
      if (!c.id) throw new RuleError(`lexicon ${code}: a cue has no id`);
      if (ids.has(c.id)) throw new RuleError(`lexicon ${code}: duplicate rule id ${c.id}`);
      ids.add(c.id);
    }
    const stop = lexicon.stopwords?.length
      ? new RegExp(`(?<![\\p{L}])(?:${lexicon.stopwords.map(escapeRe).join('|')})(?![\\p{L}])`, 'giu')
      : null;
    const compiled: CompiledLexicon = { lexicon, cues: new CueSet(cues, lexicon.script === 'latin'), stopwords: stop };
    if (code === 'xx') common = compiled;
    else {
      lexicons.set(code, compiled);
      if (lexicon.script === 'latin') latinLanguages.push(code);
    }
  }
  return {
    rules,
    lexicons,
    common,
    vendors: new CueSet(vendorCues(rules), true),
    vendorPatterns: compilePatterns(rules),
    latinLanguages,
  };
}
