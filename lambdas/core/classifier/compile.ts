/**
 * Compiles rule data into matchers once, at rule load: one alternation regex per lexicon and case
 * mode, so classifying an item is a handful of linear scans and no regex is built per item.
 */
import { isSpacedNonAlphabeticLetter, isUnspacedScriptUnit } from './scripts.js';
import type { Cue, Lexicon, Rules, VendorPattern } from './types.js';

/** One cue match in the item text. */
export interface Hit {
  cue: Cue;
  /** The cue's role (stage, measure, restrict…): a hit inside a longer hit of the same role is dropped. */
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
  try {
    new RegExp(withoutUnicodeEscapes(pattern));
  } catch (err) {
    throw new RuleError(`rule ${id}: pattern needs unicode mode: ${JSON.stringify(pattern)}`, { cause: err });
  }
}

/**
 * Unicode property escapes as plain BMP ranges. Matching regexes are compiled without the "u" flag,
 * which makes V8's matcher several times faster; the texts we read are BMP letters anyway.
 */
const PROPERTY_RANGES: Record<string, string> = {
  L: 'A-Za-z\\u00aa\\u00b5\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff' +
    // Vietnamese (Latin Extended Additional), Hebrew, Arabic, Devanagari, Thai: the other languages' letters.
    '\\u1e00-\\u1eff\\u05d0-\\u05ea\\u0620-\\u065f\\u066e-\\u06d3\\u0900-\\u0963\\u0971-\\u097f\\u0e01-\\u0e4e',
  N: '0-9',
  'Script=Latin': 'A-Za-z\\u00aa\\u00ba\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f\\u1e00-\\u1eff',
  'Script=Greek': '\\u0370-\\u03ff',
  'Script=Cyrillic': '\\u0400-\\u04ff',
  'Script=Han': '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff',
  'Script=Hiragana': '\\u3040-\\u309f',
  'Script=Katakana': '\\u30a0-\\u30ff',
  'Script=Hangul': '\\u1100-\\u11ff\\u3130-\\u318f\\uac00-\\ud7af',
};

/** Rewrites \\p{…} escapes of a pattern into ranges, inside or outside character classes. */
export function withoutUnicodeEscapes(src: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string;
    if (c === '\\') {
      if (src[i + 1] === 'p' && src[i + 2] === '{') {
        const close = src.indexOf('}', i);
        const name = src.slice(i + 3, close);
        const ranges = PROPERTY_RANGES[name];
        if (!ranges) throw new RuleError(`unsupported property escape \\p{${name}}`);
        out += inClass ? ranges : `[${ranges}]`;
        i = close;
        continue;
      }
      out += c + (src[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

/** Compiles a matching regex without the "u" flag (see PROPERTY_RANGES). */
function fastRegExp(src: string, flags: string): RegExp {
  return new RegExp(withoutUnicodeEscapes(src), flags.replace('u', ''));
}

interface Part {
  re: RegExp;
  cues: Cue[];
  fam: string;
  bounded: boolean;
  /** Gated part: per prefix key, a small sticky regex of the cues that can start with it. */
  gate: Map<number, Array<{ re: RegExp; cue: Cue }>> | null;
  /** The gate is keyed by the first CJK character and tried at CJK positions. */
  cjk: boolean;
}

/**
 * The decision a cue mainly feeds. Cues of different families are compiled into different regexes,
 * so a stage cue ("bans" as a headline verb) never hides a restriction cue at the same position.
 */
/** What a cue mainly decides, for subsumption: "will be banned" (stage) hides "banned" (stage). */
export function role(c: Cue): string {
  if (c.stage) return 'stage';
  if (c.measure) return 'measure';
  if (c.restrict) return 'restrict';
  return family(c);
}

function family(c: Cue): string {
  if (c.restrict) return 'restrict';
  if (c.stage) return 'stage';
  if (c.measure) return 'measure';
  if (c.noise) return 'noise';
  // Country, context, bystander and actor cues seldom start where one another does: one regex.
  return 'other';
}

/**
 * Drops hits that lie inside a longer hit of the same family: "will be banned" is an announced-stage
 * cue, and the "banned" inside it must not also vote for in force.
 */
export function dropSubsumed(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  const out: Hit[] = [];
  for (const b of hits) {
    if (b.cue.keep) {
      out.push(b);
      continue;
    }
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

/**
 * Lexicon patterns write whitespace as a plain space: " " stands for any run of whitespace and
 * " ?" for optional whitespace ("앱 ?마켓" matches 앱마켓 and 앱 마켓).
 */
// Whitespace inside one field: the text's only newline separates the headline from the summary,
// and no cue may span the two.
const WS = '[^\\S\\n]+';
const WS_OPT = '[^\\S\\n]*';

export function spaces(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '\\') {
      out += c + (pattern[i + 1] ?? '');
      i++;
    } else if (inClass) {
      // Inside [...] a space stays a space: the text's whitespace is already collapsed to spaces.
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === ' ' && pattern[i + 1] === '?') {
      out += WS_OPT;
      i++;
    } else out += c === ' ' ? WS : c;
  }
  return out;
}

/** The literal strings a pattern stands for, when it is only literals joined by "|"; else null. */
export function literalAlternatives(pattern: string): string[] | null {
  const unescaped = pattern.replace(/\\[.\-()&'’/]/g, '');
  if (/[()[\]{}?*+^$\\]/.test(unescaped)) return null;
  return pattern.split('|').map((a) => a.replace(/\\(.)/g, '$1'));
}

interface Literal {
  text: string;
  /** Lower-cased text, for case-insensitive entries. */
  lower: string;
  cue: Cue;
  fam: string;
  cs: boolean;
  bounded: boolean;
  /** Accept a possessive or genitive ending ("Huawei's", "Huaweis"). */
  possessive: boolean;
}

const IS_WORD_CHAR = new RegExp(WORD_CHAR, 'u');

/** Whether the character at i belongs to a word of an alphabetic script (fast path for ASCII). */
function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  // Latin-1 letters and Latin Extended A/B, Greek, Cyrillic: the accented letters of our languages.
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x370 && c <= 0x4ff) return true;
  return IS_WORD_CHAR.test(text.charAt(i));
}

/** Katakana letters and the long-vowel mark (not the middle dot ・, which separates words). */
function isKatakanaLetter(c: number): boolean {
  return (c >= 0x30a1 && c <= 0x30fa) || c === 0x30fc;
}

/**
 * Katakana loanwords are written as one unbroken run, so a katakana name inside a longer run is a
 * different word: テム (Temu) in システム (system). A katakana literal must not continue a run, and a
 * short one (≤ 3 letters, where such accidents happen) must not be followed by one either; longer
 * names may ("ファーウェイジャパン" is still Huawei).
 */
function katakanaBoundaryOk(text: string, pos: number, end: number, lit: string): boolean {
  if (isKatakanaLetter(lit.charCodeAt(0)) && pos > 0 && isKatakanaLetter(text.charCodeAt(pos - 1))) return false;
  if (lit.length <= 3 && isKatakanaLetter(lit.charCodeAt(lit.length - 1)) && end < text.length && isKatakanaLetter(text.charCodeAt(end))) return false;
  return true;
}

/** Han, kana, hangul (BMP ranges): the scripts without word boundaries; and those of scripts.ts. */
function isCjkUnit(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) || (c >= 0x1100 && c <= 0x11ff) || (c >= 0x3130 && c <= 0x318f) || (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0x590 && isUnspacedScriptUnit(c));
}


/**
 * Literal cues (names, aliases, agencies: most of the rules) are looked up by their first word, or
 * first CJK character, instead of being tried at every position of a giant alternation: the scan
 * cost no longer grows with the number of names.
 */
class LiteralIndex {
  private readonly byToken = new Map<string, Literal[]>();
  private readonly byChar = new Map<number, Literal[]>();
  size = 0;

  add(lit: Literal): void {
    const first = hasCjk(lit.text.charAt(0)) ? null : (lit.lower.match(new RegExp(`^${WORD_CHAR}+`, 'u'))?.[0] ?? null);
    const push = <K>(map: Map<K, Literal[]>, key: K): void => {
      let list = map.get(key);
      if (!list) map.set(key, (list = []));
      list.push(lit);
    };
    if (first) {
      push(this.byToken, first);
      if (lit.possessive && first === lit.lower) push(this.byToken, `${first}s`);
    } else {
      push(this.byChar, lit.text.charCodeAt(0));
    }
    this.size++;
  }

  private tryAt(text: string, pos: number, list: Literal[], out: Hit[]): void {
    for (const lit of list) {
      const end = pos + lit.text.length;
      if (end > text.length) continue;
      const piece = text.slice(pos, end);
      if (lit.cs ? piece !== lit.text : piece.toLowerCase() !== lit.lower) continue;
      if (!katakanaBoundaryOk(text, pos, end, lit.text)) continue;
      // Arabic, Hebrew, Devanagari names end with their word (scripts.ts).
      if (end < text.length && isSpacedNonAlphabeticLetter(lit.text.charCodeAt(lit.text.length - 1)) && isSpacedNonAlphabeticLetter(text.charCodeAt(end))) continue;
      let stop = end;
      if (lit.possessive) {
        const c = text.charCodeAt(stop);
        if ((c === 39 || c === 0x2019) && text.charCodeAt(stop + 1) === 115) stop += 2;
        else if (c === 115) stop += 1;
      }
      if (lit.bounded && stop < text.length && isWordCharAt(text, stop)) {
        if (stop === end) continue;
        // "Huaweis" ok, but "Apples" is not "Apple" + genitive when a letter follows.
        if (isWordCharAt(text, end)) continue;
      }
      out.push({ cue: lit.cue, fam: lit.fam, start: pos, end: stop, text: text.slice(pos, stop) });
    }
  }

  scan(text: string, out: Hit[]): void {
    const tk = tokensOf(text);
    if (this.byToken.size) {
      for (let t = 0; t < tk.starts.length; t++) {
        const list = this.byToken.get(lowerToken(tk, t));
        if (list) this.tryAt(text, tk.starts[t] as number, list, out);
      }
    }
    if (this.byChar.size) {
      for (const i of tk.cjk) {
        const list = this.byChar.get(text.charCodeAt(i));
        if (list) this.tryAt(text, i, list, out);
      }
    }
  }
}

/** Length of the lower-cased prefixes that gate where a cue is tried. */
const PREFIX_LEN = 2;
/** Above this many distinct prefixes a cue is not worth gating. */
const MAX_PREFIXES = 400;

function closeParen(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (c === '[') {
      while (i < s.length && s[i] !== ']') i += s[i] === '\\' ? 2 : 1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

function splitTop(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c === '\\') {
      cur += c + (s[i + 1] ?? '');
      i++;
      continue;
    }
    if (c === '[') {
      const j = s.indexOf(']', i);
      cur += s.slice(i, j + 1);
      i = j;
      continue;
    }
    if (c === '(') depth++;
    if (c === ')') depth--;
    if (c === '|' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * The lower-cased strings of PREFIX_LEN characters any match of the pattern starts with, or null
 * when the pattern's start is not plain enough to tell (classes like \\S, lookarounds…).
 */
export function leadingPrefixes(pattern: string, len = PREFIX_LEN): string[] | null {
  const out = new Set<string>();
  const walk = (s: string, acc: string, budget: { n: number }): boolean => {
    if (--budget.n < 0) return false;
    if (acc.length >= len) {
      out.add(acc.slice(0, len).toLowerCase());
      return out.size <= MAX_PREFIXES;
    }
    if (s === '') return false;
    const c = s[0] as string;
    let atoms: string[] | null = null;
    let rest: string;
    let group: string[] | null = null;
    if (c === '(') {
      if (!s.startsWith('(?:')) return false;
      const close = closeParen(s, 0);
      if (close < 0) return false;
      group = splitTop(s.slice(3, close));
      rest = s.slice(close + 1);
    } else if (c === '[') {
      const close = s.indexOf(']');
      const body = s.slice(1, close);
      if (close < 0 || body.startsWith('^') || body.includes('\\') || body.includes('-')) return false;
      atoms = [...body];
      rest = s.slice(close + 1);
    } else if (c === '\\') {
      const n = s[1] ?? '';
      if (!".-'\u2019/&()".includes(n) || n === '') return false;
      atoms = [n];
      rest = s.slice(2);
    } else if ('.^$|)*+?{}'.includes(c)) {
      return false;
    } else {
      atoms = [c];
      rest = s.slice(1);
    }
    let optional = false;
    if (rest[0] === '?') {
      optional = true;
      rest = rest.slice(1);
    } else if (rest[0] === '*' || rest[0] === '+' || rest[0] === '{') {
      return false;
    }
    if (rest[0] === '?') return false; // lazy quantifiers: not worth modelling
    if (optional && !walk(rest, acc, budget)) return false;
    if (group) {
      for (const alt of group) if (!walk(alt + rest, acc, budget)) return false;
      return true;
    }
    for (const a of atoms as string[]) if (!walk(rest, acc + (a === ' ' ? ' ' : a), budget)) return false;
    return true;
  };
  for (const alt of splitTop(pattern)) if (!walk(alt, '', { n: 5000 })) return null;
  return [...out];
}

/** Lower-cased UTF-16 unit: ASCII fast path, the rest through toLowerCase. */
function lowerUnit(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/** Numeric key of a two-character prefix (lower-cased). */
export function prefixKey(a: number, b: number): number {
  return lowerUnit(a) * 65536 + lowerUnit(b);
}

/**
 * Words of a text (start, end, prefix key, lower-cased form on demand) and its CJK positions:
 * computed once per text and shared by every cue set. A two-entry cache (text and masked text).
 */
interface Tokens {
  text: string;
  starts: number[];
  ends: number[];
  keys: number[];
  lowers: Array<string | undefined>;
  cjk: number[];
}
let tokenCache: [Tokens | null, Tokens | null] = [null, null];

function tokensOf(text: string): Tokens {
  const [a, b] = tokenCache;
  if (a && a.text === text) return a;
  if (b && b.text === text) return b;
  const starts: number[] = [];
  const ends: number[] = [];
  const keys: number[] = [];
  const cjk: number[] = [];
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const w = isWordCharAt(text, i);
    if (w && !inWord) {
      starts.push(i);
      keys.push(prefixKey(text.charCodeAt(i), i + 1 < text.length ? text.charCodeAt(i + 1) : 0));
    } else if (!w && inWord) ends.push(i);
    if (!w && isCjkUnit(text.charCodeAt(i))) cjk.push(i);
    inWord = w;
  }
  if (inWord) ends.push(text.length);
  const t: Tokens = { text, starts, ends, keys, lowers: new Array(starts.length), cjk };
  tokenCache = [t, a];
  return t;
}

function lowerToken(tk: Tokens, t: number): string {
  return (tk.lowers[t] ??= tk.text.slice(tk.starts[t], tk.ends[t]).toLowerCase());
}

/**
 * A set of cues: literal ones in a LiteralIndex, the others compiled into a few regexes (family ×
 * case mode × word boundaries), one capturing group per cue; the group that matched names the cue.
 */
export class CueSet {
  private readonly parts: Part[] = [];
  private readonly literals = new LiteralIndex();
  readonly size: number;

  constructor(cues: Cue[], bounded: boolean, possessive = false, gateable = true) {
    const regexCues: Cue[] = [];
    for (const c of cues) {
      validatePattern(c.id, spaces(c.pattern));
      const lits = literalAlternatives(c.pattern);
      if (!lits) {
        regexCues.push(c);
        continue;
      }
      for (const text of lits) {
        if (!text.trim()) throw new RuleError(`rule ${c.id}: empty alternative`);
        this.literals.add({
          text, lower: text.toLowerCase(), cue: c, fam: role(c), cs: !!c.cs,
          bounded: bounded && !hasCjk(text), possessive,
        });
      }
    }
    // A space in a pattern stands for any run of whitespace, so lexicons stay readable.
    const prepared = regexCues.map((c) => (c.pattern.includes(' ') ? { ...c, pattern: spaces(c.pattern) } : c));
    // Longer patterns first: at one position the first matching alternative wins, and the longer
    // phrase ("will not ban") is the more specific cue.
    const sorted = prepared.sort((a, b) => b.pattern.length - a.pattern.length || a.id.localeCompare(b.id));
    const groups = new Map<string, Cue[]>();
    for (const c of sorted) {
      // CJK patterns never get word boundaries, even in a Latin lexicon (e.g. an agency's native name).
      const b = bounded && !hasCjk(c.pattern);
      const key = `${c.cs ? 'cs' : 'ci'}:${b ? 'b' : 'n'}:${family(c)}`;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(c);
    }
    for (const [key, all] of groups) {
      const [mode, bound, fam] = key.split(':');
      const flags = mode === 'cs' ? '' : 'i';
      // Word-bounded cues whose first letters are known are only tried at word starts with those
      // letters (a sticky regex per position); the rest are scanned over the whole text. The
      // leading word boundary is checked in scan(), not with a lookbehind (that would defeat the
      // regex engine's own skipping).
      // CJK cues (no word boundaries) are gated by their first character at CJK positions instead.
      const cjkGate = bound !== 'b';
      const byPrefix = new Map<number, Cue[]>();
      const free: Cue[] = [];
      for (const c of all) {
        const pre = !gateable
          ? null
          : cjkGate
            ? leadingPrefixes(c.pattern, 1)
            : leadingPrefixes(c.pattern.split(WS).join(' '));
        const ok = pre && (cjkGate
          ? pre.every((x) => x.length === 1 && isCjkUnit(x.charCodeAt(0)))
          : pre.every((x) => x.length === PREFIX_LEN && IS_WORD_CHAR.test(x.charAt(0))));
        if (pre && ok) {
          for (const x of pre) {
            const k = cjkGate ? x.charCodeAt(0) : prefixKey(x.charCodeAt(0), x.charCodeAt(1));
            let list = byPrefix.get(k);
            if (!list) byPrefix.set(k, (list = []));
            if (!list.includes(c)) list.push(c);
          }
        } else free.push(c);
      }
      const body = (list: Cue[]) => list.map((c) => `(${c.pattern})`).join('|');
      const tail = bound === 'b' ? `(?!${WORD_CHAR})` : '';
      if (byPrefix.size) {
        // One sticky regex per cue, all tried at a candidate position: two cues of one family that
        // start at the same word ("使わない" and "使わないよう要請") both count.
        const own = new Map<Cue, RegExp>();
        const gate = new Map<number, Array<{ re: RegExp; cue: Cue }>>();
        for (const [k, list] of byPrefix) {
          gate.set(k, list.map((cue) => {
            let re = own.get(cue);
            if (!re) own.set(cue, (re = fastRegExp(`(?:${cue.pattern})${tail}`, `y${flags}`)));
            return { re, cue };
          }));
        }
        this.parts.push({ re: /$^/, cues: [], fam: fam as string, bounded: !cjkGate, gate, cjk: cjkGate });
      }
      if (free.length) {
        this.parts.push({ re: fastRegExp(`(?:${body(free)})${tail}`, `g${flags}`), cues: free, fam: fam as string, bounded: bound === 'b', gate: null, cjk: false });
      }
    }
    this.size = cues.length;
  }

  /**
   * Appends every match to `out`; overlapping matches that start at different positions are all
   * kept. `only` limits the regex scan to one family, `skip` leaves one out; literal cues (all
   * families, one cheap pass) are scanned unless `literals` is false.
   */
  scan(text: string, out: Hit[], only?: string, skip?: string, literals = true): void {
    if (literals) this.literals.scan(text, out);
    for (const { re, cues, fam, bounded, gate, cjk } of this.parts) {
      // fam is the regex family here (which scan pass), role(cue) the hit's subsumption role.
      if ((only && fam !== only) || (skip && fam === skip)) continue;
      if (gate) {
        const tk = tokensOf(text);
        const positions = cjk ? tk.cjk : tk.starts;
        for (let t = 0; t < positions.length; t++) {
          const at = positions[t] as number;
          const subs = gate.get(cjk ? text.charCodeAt(at) : (tk.keys[t] as number));
          if (!subs) continue;
          for (const { re: one, cue } of subs) {
            one.lastIndex = at;
            const m = one.exec(text);
            if (m) out.push({ cue, fam: role(cue), start: at, end: at + m[0].length, text: m[0] });
          }
        }
        continue;
      }
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text)) !== null) {
        if (bounded && m.index > 0 && isWordCharAt(text, m.index - 1)) {
          re.lastIndex = m.index + 1;
          continue;
        }
        let g = 1;
        while (g < m.length && m[g] === undefined) g++;
        const cue = cues[g - 1];
        const matched = m[g] ?? m[0];
        if (cue) out.push({ cue, fam: role(cue), start: m.index, end: m.index + matched.length, text: matched });
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
  /** Per cue id with a countryMap: [code, word regex] pairs, tried in order on the matched text. */
  countryMaps: Map<string, Array<[string, RegExp]>>;
  lexicons: Map<string, CompiledLexicon>;
  common: CompiledLexicon | null;
  vendors: CueSet;
  vendorPatterns: VendorPatternSet;
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
        out.push({
          id: `vendor.${canonical}.${form}`,
          pattern: escapeRe(form),
          cs: true,
          vendor: canonical,
        });
      }
    }
  }
  return out;
}

/** Stands for any vendor mention in the masked text that vendor patterns are matched against. */
export const VENDOR_MARK = '\uE000';

/**
 * Vendor patterns ("{V} sues") run on a copy of the text where every vendor mention is replaced by
 * VENDOR_MARK and padding spaces (offsets are kept), so {V} is one character, not an alternation of
 * every alias tried at every position.
 */
function compilePatterns(rules: Rules): VendorPatternSet {
  const cues: Cue[] = [];
  for (const p of rules.vendorPatterns as VendorPattern[]) {
    if (!p.pattern.includes('{V}')) throw new RuleError(`vendor pattern ${p.id}: no {V} placeholder`);
    cues.push({
      id: p.id,
      pattern: p.pattern.replaceAll('{V}', `${VENDOR_MARK}\\x20*`),
      ...(p.noise !== undefined ? { noise: p.noise } : {}),
      ...(p.reason !== undefined ? { reason: p.reason } : {}),
      ...(p.bodyFactor !== undefined ? { bodyFactor: p.bodyFactor } : {}),
      ...(p.stage !== undefined ? { stage: p.stage, sw: p.sw ?? 1 } : {}),
      ...(p.restrict !== undefined ? { restrict: p.restrict } : {}),
    });
  }
  return new VendorPatternSet(cues);
}

/**
 * Vendor patterns that start with {V} are tried only where a vendor is (sticky regexes at each
 * mark); the others ("allows {V}") are scanned normally, and only when a vendor was found.
 */
export class VendorPatternSet {
  private readonly anchored: Array<{ cue: Cue; re: RegExp; atStart: boolean }> = [];
  private readonly rest: CueSet;

  constructor(cues: Cue[]) {
    const rest: Cue[] = [];
    for (const c of cues) {
      validatePattern(c.id, spaces(c.pattern));
      const atStart = c.pattern.startsWith(`^${VENDOR_MARK}`);
      if (atStart || c.pattern.startsWith(VENDOR_MARK)) {
        const src = spaces(atStart ? c.pattern.slice(1) : c.pattern);
        this.anchored.push({ cue: c, re: fastRegExp(`(?:${src})(?!${WORD_CHAR})`, 'iy'), atStart });
      } else rest.push(c);
    }
    // Not gated: its text is the masked copy, and tokenising that too would cost more than it saves.
    this.rest = new CueSet(rest, true, false, false);
  }

  scan(masked: string, out: Hit[]): void {
    for (let i = masked.indexOf(VENDOR_MARK); i >= 0; i = masked.indexOf(VENDOR_MARK, i + 1)) {
      for (const { cue, re, atStart } of this.anchored) {
        if (atStart && i !== 0) continue;
        re.lastIndex = i;
        const m = re.exec(masked);
        if (m) out.push({ cue, fam: 'vendor', start: i, end: i + m[0].length, text: m[0] });
      }
    }
    this.rest.scan(masked, out);
  }
}

/** The text with each vendor mention replaced by VENDOR_MARK plus spaces, offsets unchanged. */
export function maskVendors(text: string, vendorHits: Hit[]): string {
  if (vendorHits.length === 0) return text;
  const sorted = [...vendorHits].sort((x, y) => x.start - y.start);
  let out = '';
  let at = 0;
  for (const h of sorted) {
    if (h.start < at) continue;
    out += text.slice(at, h.start) + VENDOR_MARK + ' '.repeat(h.end - h.start - 1);
    at = h.end;
  }
  return out + text.slice(at);
}

/** A cue that shares another cue's countryMap: the map copied, "{D}" expanded to its words. */
function withSharedCountryMap(c: Cue, src: Cue | undefined): Cue {
  if (!src?.countryMap) throw new RuleError(`rule ${c.id}: countryMapOf ${c.countryMapOf} names no cue with a countryMap`);
  const words = Object.values(src.countryMap).map((w) => `(?:${w})`).join('|');
  return { ...c, pattern: c.pattern.split('{D}').join(`(?:${words})`), countryMap: src.countryMap };
}

export function compileRules(rules: Rules): CompiledRules {
  const lexicons = new Map<string, CompiledLexicon>();
  const countryMaps = new Map<string, Array<[string, RegExp]>>();
  let common: CompiledLexicon | null = null;
  const latinLanguages: string[] = [];
  for (const [code, lexicon] of Object.entries(rules.lexicons)) {
    if (lexicon.language !== code) throw new RuleError(`lexicon ${code}: language field says ${lexicon.language}`);
    const byId = new Map(lexicon.cues.map((c) => [c.id, c] as const));
    const cues = lexicon.cues.map((c) => (c.countryMapOf ? withSharedCountryMap(c, byId.get(c.countryMapOf)) : c));
    const names = rules.countryNames[code] ?? {};
    for (const [country, list] of Object.entries(names)) {
      for (const name of list) {
        cues.push({ id: `country-name.${code}.${country}.${name}`, pattern: escapeRe(name), cs: true, country, cw: 2 });
      }
    }
    const ids = new Set<string>();
    for (const c of cues) {
      if (c.countryMap) {
        countryMaps.set(c.id, Object.entries(c.countryMap).map(([code, words]) => {
          validatePattern(`${c.id}.${code}`, words);
          return [code, fastRegExp(`(?:${words})`, c.cs ? '' : 'i')] as [string, RegExp];
        }));
      }
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
    countryMaps,
    lexicons,
    common,
    vendors: new CueSet(vendorCues(rules), true, true),
    vendorPatterns: compilePatterns(rules),
    latinLanguages,
  };
}
