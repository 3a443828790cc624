/**
 * Compiles rule data into matchers once, at rule load: one alternation regex per lexicon and case
 * mode, so classifying an item is a handful of linear scans and no regex is built per item.
 */
import { nativeRegExp } from '../native-regex.js';
import { normalizeForMatch, STABLE } from '../text.js';
import { openLookbehinds } from './lookbehind.js';
import { lowerCaseSource, regexLower as regexLowerOf } from './lowered.js';
import { alternativeBounds, alternatives, classEnd, closeOf, quantifierAt } from './regex-source.js';
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

/**
 * Whether compileRules checks every pattern (three regex compilations each). The bundled rules are
 * checked by the test suite instead, so a cold start does not pay for it; rules given by a caller
 * are always checked. Set only for the duration of one synchronous compileRules call.
 */
let checkPatterns = true;

function validatePattern(id: string, pattern: string): void {
  if (!checkPatterns) return;
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

/**
 * What withoutUnicodeEscapes looks at: a \\p{…} escape, an escaped bracket or backslash (copied,
 * not read as a bracket), a bracket. Other escapes (\\t, \\u00a0…) hold neither and are passed over.
 */
const UNICODE_TOKENS = /\\p\{([^}]*)\}|\\[\\[\]]|[[\]]/g;

/**
 * Rewrites \\p{…} escapes of a pattern into ranges, inside or outside character classes. One
 * regex replace, not a character loop: it runs on the source of every regex built (~1 MB of
 * sources in a bench first pass, most of it whitespace classes with no \\p{…}; speed14).
 */
export function withoutUnicodeEscapes(src: string): string {
  if (!src.includes('\\p{')) return src;
  let inClass = false;
  return src.replace(UNICODE_TOKENS, (m: string, name: string | undefined) => {
    if (name !== undefined) {
      const ranges = PROPERTY_RANGES[name];
      if (!ranges) throw new RuleError(`unsupported property escape \\p{${name}}`);
      return inClass ? ranges : `[${ranges}]`;
    }
    if (m === '[') inClass = true;
    else if (m === ']') inClass = false;
    return m;
  });
}

/** Throws as withoutUnicodeEscapes would on an unsupported \\p{…}, without rewriting the pattern. */
function checkPropertyEscapes(src: string): void {
  for (let i = src.indexOf('\\'); i >= 0; i = src.indexOf('\\', i + 2)) {
    if (src[i + 1] === 'p' && src[i + 2] === '{') {
      const name = src.slice(i + 3, src.indexOf('}', i));
      if (!PROPERTY_RANGES[name]) throw new RuleError(`unsupported property escape \\p{${name}}`);
    }
  }
}

/**
 * Whether a text has a character above U+00FF (then V8 stores it, and reads it in regexes, as
 * two-byte). Asked once per regex built, not per item.
 */
function isWide(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return true;
  return false;
}

/** Compiles a matching regex without the "u" flag (see PROPERTY_RANGES). */
function fastRegExp(src: string, flags: string, wide = false): RegExp {
  return nativeRegExp(new RegExp(withoutUnicodeEscapes(withoutPaddingSplit(src)), flags.replace('u', '')), wide);
}

/**
 * A vendor pattern's {V} is VENDOR_MARK and `\x20*` (the padding spaces of the masked name); "{V} x"
 * then reads `\uE000\x20*[ws]+x` once spaced. Where the rest fails (most tries: the anchored vendor
 * patterns run at every mark), the matcher tries every split of the padding between the two runs:
 * quadratic in the name's length (~0.5 µs per try, 3 µs for vp.vendor-fights-ban, speed20).
 * `\x20*[ws]+` matches the same strings as `[ws]+` (a space is whitespace), and both give back
 * characters from the end first, so the first end at which the rest matches, and the match, are the
 * same: the largest end where it can (likewise `\x20*[ws]*` and `[ws]*`). Written once here, for
 * every regex fastRegExp builds (the anchored vendor patterns and the ungated parts).
 */
export function withoutPaddingSplit(src: string): string {
  if (!src.includes(MARK_PAD)) return src;
  const opt = src.includes(`${MARK_PAD}[`) || src.includes(`${MARK_PAD}(?:`) ? src.replace(optionalAfterPad(), `${VENDOR_MARK}(?:\\x20*$1)?$2`) : src;
  return hoistMarkLookbehinds(opt.split(MARK_PAD + WS).join(VENDOR_MARK + WS).split(MARK_PAD + WS_OPT).join(VENDOR_MARK + WS_OPT));
}

/**
 * {V}, an optional mark that holds no whitespace (a class or a group of plain strings: `[»”"]`,
 * `(?:의|の|的)`) and a space: `\uE000\x20*X?[ws]+` splits the padding as above when X is absent.
 * `\uE000(?:\x20*X)?[ws]+` tries X after the padding first, then the whitespace run alone: X can
 * only follow the padding, and without it the padding is part of the run, so the first match is the
 * same (speed20; likewise before `[ws]*`).
 */
let OPTIONAL_AFTER_PAD: RegExp | null = null;

/** Made on first use: VENDOR_MARK and the whitespace runs are defined further down. */
function optionalAfterPad(): RegExp {
  return (OPTIONAL_AFTER_PAD ??= new RegExp(
    `${VENDOR_MARK}\\\\x20\\*(\\[[^\\]\\\\^\\s][^\\]\\\\\\s]*\\]|\\(\\?:[^()\\\\[\\]|\\s*+?{}.^$]+(?:\\|[^()\\\\[\\]|\\s*+?{}.^$]+)*\\))\\?(${escapeRe(WS)}|${escapeRe(WS_OPT)})`,
    'g',
  ));
}

/**
 * `{V}(?<!Y{V})`, "a name not after Y" (vp.vendor-law), as `(?<!Y){V}`: the lookbehind, run after
 * the padding, reads the padding back to the mark, so it asks whether Y ends where the mark starts
 * whatever the padding's split; asked there once, it is not asked again at every split the matcher
 * backtracks through (speed20). Only for a lookbehind whose body is one sequence ending with {V}.
 */
function hoistMarkLookbehinds(src: string): string {
  const open = `${MARK_PAD}(?<!`;
  let at = src.indexOf(open);
  while (at >= 0) {
    const lb = at + MARK_PAD.length;
    const close = closeOf(src, lb);
    const body = close < 0 ? '' : src.slice(lb + 4, close);
    if (body.endsWith(MARK_PAD) && alternatives(body).length === 1) {
      src = `${src.slice(0, at)}(?<!${body.slice(0, -MARK_PAD.length)})${MARK_PAD}${src.slice(close + 1)}`;
    }
    at = src.indexOf(open, at + 1);
  }
  return src;
}

/**
 * A sticky regex built on first use: most cues of a run are never tried (their first word never
 * occurs), and building one parses its pattern. Its source is made then too: kept from compile
 * time, the rewritten sources of all cues were ~14 MB of concatenated strings.
 */
interface LazyRe {
  /** The cue's pattern and the tail that follows it (word boundary or nothing). */
  pattern: string;
  /** The pattern before spaces() (see CueSet's `unspaced`): what startStrings and requiredStringSets read. */
  plain: string;
  tail: string;
  flags: string;
  re: RegExp | null;
  /**
   * Case-insensitive cues: the regex without "i" run over the lower-cased text (lowered.ts):
   * undefined until first wanted, null when the pattern is not rewritten (or the cue is cs).
   */
  low: RegExp | null | undefined;
  /** The capitals form (case-sensitive cues): undefined until made, null when it has none. */
  upper: RegExp | null | undefined;
  /** Lower-cased strings one of which every match starts with (startStrings): undefined until first asked, null when the start cannot be told. */
  starts: string[] | null | undefined;
  /**
   * What any match contains: per alternative of the pattern, sets of strings one of each of which
   * its matches contain (requiredStringSets), as a NeedProgram; undefined until first tried, null
   * when nothing is known.
   */
  needs: NeedProgram | null | undefined;
  /** The text (its grams' generation) the last answer of `may` is for. */
  gen: number;
  /** Whether that text may hold a match (mayContain); when not, the regex is neither built nor run for it. */
  may: boolean;
}

function lazyRe(l: LazyRe, text: string): RegExp {
  return (l.re ??= nativeRegExp(new RegExp(withoutUnicodeEscapes(`(?:${l.pattern})${l.tail}`), l.flags), isWide(text)));
}

/**
 * A cue pattern (as written, before spaces()) rewritten for the lower-cased text and spaced, as
 * the classifier compiles it without "i" (lowered.ts); null when it keeps "i". For tests.
 */
export function lowerCasePattern(pattern: string): string | null {
  return loweredPattern(pattern, spaces(pattern));
}

/** PROPERTY_RANGES as lowerCaseSource reads a \p{…}. */
const propertyBody = (name: string): string | undefined => PROPERTY_RANGES[name];

/**
 * A pattern (before spaces()) for the lower-cased text, spaced: lowerCaseSource keeps every space
 * outside a class where it was and adds none, so spacing it gives the rewrite of the spaced pattern.
 */
function loweredPattern(plain: string, spaced: string): string | null {
  const l = lowerCaseSource(plain, propertyBody);
  // Most patterns are written lower-case: then the rewrite is the pattern itself.
  return l === null ? null : l === plain ? spaced : spaces(l);
}

/** The tails of word-bounded and other cues, for the lower-cased text. */
const loweredTails = new Map<string, string | null>();

function loweredTail(tail: string): string | null {
  let l = loweredTails.get(tail);
  if (l === undefined) loweredTails.set(tail, (l = lowerCaseSource(tail, propertyBody)));
  return l;
}

/** A case-insensitive cue's regex for the lower-cased text `lower` (see LazyRe.low), or null. */
function lowRe(l: LazyRe, lower: string): RegExp | null {
  if (l.low === undefined) {
    const p = loweredPattern(l.plain, l.pattern);
    const t = loweredTail(l.tail);
    l.low = p === null || t === null ? null : nativeRegExp(new RegExp(withoutUnicodeEscapes(`(?:${p})${t}`), 'y'), isWide(lower));
  }
  return l.low;
}

/** The capitals form of a case-sensitive cue's regex (same tail, no "i"), or null when it has none. */
function upperRe(l: LazyRe, text: string): RegExp | null {
  if (l.upper === undefined) {
    const up = upperPattern(l.pattern);
    l.upper = up === null ? null : nativeRegExp(new RegExp(withoutUnicodeEscapes(`(?:${up})${l.tail}`), 'y'), isWide(text));
  }
  return l.upper;
}

interface GateEntry {
  /** The cue as a sticky regex (built on first use), or null when it is tried as literal strings. */
  re: LazyRe | null;
  /** Whether the capitals form of a case-sensitive regex cue is tried when the cue itself does not match. */
  capitals: boolean;
  /**
   * A finite cue ("ban(?:s|ned)?", "will be (?:banned|barred)") as the strings it matches that can
   * start at this key, in the order the regex would try them (lower-cased unless cs): the first
   * that fits is the match, as with the regex, without running one.
   */
  lits: string[] | null;
  /**
   * The longest start all of `lits` share ('' for a regex cue): matchLiteralAt checks it once, then
   * each string from its end, where each string was compared from its first character (speed11).
   */
  common: string;
  cs: boolean;
  /** A word character may not follow the match (Latin cues). */
  bounded: boolean;
  cue: Cue;
  /** role(cue), worked out once: a hit's fam is read from here, not recomputed per hit. */
  fam: string;
  /** The cue's rank in its part: hits at one position keep the cues' order. */
  rank: number;
  /**
   * What the lower-cased text starts with wherever this entry is tried (its key's letters: a whole
   * short word, a word's first four, two or one characters), when those are ASCII or caseless; else null.
   */
  keyText: string | null;
  /** The regex cue's start strings that agree with keyText (see startsAt): undefined until first tried. */
  starts: string[] | null | undefined;
  /** The longest start all of `starts` share, checked once per try (see matchLiteralAt's `common`). */
  startsCommon: string;
  startsSpace: boolean;
}

export interface Part {
  /** Ungated part: its alternation regex, built on first scan (most parts are never scanned in a run); else null. */
  re: RegExp | null;
  /** The source and flags `re` is built from. */
  src: string;
  flags: string;
  /** Case-insensitive part: its regex without "i" for the lower-cased text (see LazyRe.low); undefined until first wanted, null when none. */
  low: RegExp | null | undefined;
  cues: Cue[];
  /** Ungated part: its cues' patterns before spaces(), for needsOf (see CueSet's `unspaced`). */
  plains: string[];
  fam: string;
  bounded: boolean;
  /** Gated part: its cues are candidates in the cue set's position maps; else `re` scans the text. */
  gated: boolean;
  /** The part's cues are tried at CJK positions. */
  cjk: boolean;
  /**
   * Ungated part: strings one of which any match of any of its cues contains (undefined until first
   * scanned; null when one cue has none). A text that cannot hold any of them is not scanned.
   */
  needs: NeedList | null | undefined;
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
  // A body that decides a ban (ownReach) must not hide the actor or country cue inside its name.
  if (c.ownReach || c.marketReach) return 'reach';
  // Country, context, bystander and actor cues seldom start where one another does: one regex.
  return 'other';
}

/**
 * A longer hit hides a shorter one of its family only when it says at least as much about
 * relevance: "Treasury sanctions" (a measure cue) must not hide the restriction weight of the
 * "sanctions" inside it, or a headline like "Treasury sanctions Hikvision" names no restriction.
 */
function covers(a: Hit, b: Hit): boolean {
  // A speech cue that runs over its object ("calls the US ban on Huawei 'unfair'") must not hide the
  // country named inside it: that country is the one the speaker reacts to (originReacts).
  if (a.cue.speech && (b.cue.country || b.cue.countryMap)) return false;
  return !b.cue.restrict || !!a.cue.restrict;
}

/**
 * Drops hits that lie inside a longer hit of the same family: "will be banned" is an announced-stage
 * cue, and the "banned" inside it must not also vote for in force.
 */
export function dropSubsumed(hits: Hit[]): Hit[] {
  if (hits.length < 2) return hits;
  // A few hits: comparing every pair costs less than grouping them first (measured: 12 beats 64).
  if (hits.length <= 12) {
    const out: Hit[] = [];
    for (const b of hits) {
      let inside = false;
      if (!b.cue.keep) {
        for (const a of hits) {
          if (a !== b && a.fam === b.fam && a.start <= b.start && b.end <= a.end && a.end - a.start > b.end - b.start && covers(a, b)) {
            inside = true;
            break;
          }
        }
      }
      if (!inside) out.push(b);
    }
    return out;
  }
  // Compared within a family only: a handful of hits each, not every pair of the item.
  const byFam = new Map<string, Hit[]>();
  for (const h of hits) {
    const list = byFam.get(h.fam);
    if (list) list.push(h);
    else byFam.set(h.fam, [h]);
  }
  const out: Hit[] = [];
  for (const b of hits) {
    if (b.cue.keep) {
      out.push(b);
      continue;
    }
    let inside = false;
    for (const a of byFam.get(b.fam) as Hit[]) {
      if (a !== b && a.start <= b.start && b.end <= a.end && a.end - a.start > b.end - b.start && covers(a, b)) {
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
//
// Written as the list of those characters (\s less \n: tab, VT, FF, CR, the Zs spaces, LS, PS,
// BOM), not as [^\S\n]: the same set, but a case-insensitive regex closes every class over case
// when V8 compiles it for two-byte text, and the body of [^\S\n] is \S, every other code point.
// That closure cost ~10 ms for each such regex, in the first items of a run.
// The non-ASCII members stand in the string as themselves, not as \uXXXX escapes (speed17): the
// same class in 22 characters instead of 88. Every space of every pattern becomes this class, and
// V8 compiles a regex whose source exceeds 20 KB without its optimisations (~11× slower: see
// scan-cost.test.ts); en's restrict part was 20,080 characters of the 20,480.
export const WS_CLASS = '[\\t\\v\\f\\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]';
const WS = `${WS_CLASS}+`;
const WS_OPT = `${WS_CLASS}*`;

/** An escape (copied), a class up to its "]" (copied: a space inside stays a space), " ?" or " ". */
const SPACE_TOKENS = /\\[\s\S]?|\[(?:\\[\s\S]?|[^\]\\])*\]?| \?| /g;

const spaceToken = (m: string): string => (m === ' ' ? WS : m === ' ?' ? WS_OPT : m);

export function spaces(pattern: string): string {
  // One regex finds the escapes and classes to copy as they are and the spaces to expand: the
  // character loop this replaced cost ~20 ms of a first pass (speed14).
  return pattern.replace(SPACE_TOKENS, spaceToken);
}

/** The literal strings a pattern stands for, when it is only literals joined by "|"; else null. */
export function literalAlternatives(pattern: string): string[] | null {
  // Most patterns are one plain name (vendors, country names): no escape, no "|", no syntax.
  if (isPlainLiteral(pattern)) return [pattern];
  const unescaped = pattern.replace(/\\[.\-()&'’/]/g, '');
  if (/[()[\]{}?*+^$\\]/.test(unescaped)) return null;
  return [...new Set(pattern.split('|').map((a) => a.replace(/\\(.)/g, '$1')))];
}

/** Characters that make a pattern more than one plain literal (regex syntax, "|", an escape). */
const NOT_PLAIN = new Uint8Array(128);
for (const ch of '()[]{}?*+^$\\|') NOT_PLAIN[ch.charCodeAt(0)] = 1;

function isPlainLiteral(p: string): boolean {
  for (let i = 0; i < p.length; i++) {
    const c = p.charCodeAt(i);
    if (c < 128 && NOT_PLAIN[c] === 1) return false;
  }
  return p.length > 0;
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
  /** A case-sensitive name also matches in capitals ("JAPAN" in an all-caps headline); null when no such form. */
  upper: string | null;
}

/**
 * A rule pattern folded as the text is (normalizeForMatch): curly quotes to straight ones,
 * compatibility forms to NFKC; a character that folds to regex syntax is escaped.
 */
export function foldPattern(p: string): string {
  // Characters the text's folding leaves alone (ASCII, most letters of our scripts): nothing to do.
  let stable = true;
  for (let i = 0; i < p.length && stable; i++) stable = p.charCodeAt(i) < 128 || STABLE[p.charCodeAt(i)] === 1;
  if (stable) return p;
  let out = '';
  for (const ch of p) {
    if (ch.charCodeAt(0) < 128) {
      out += ch;
      continue;
    }
    out += foldedChar(ch);
  }
  return out;
}

/** One character of a pattern as foldPattern writes it, memoised: the lexicons repeat few distinct characters. */
const FOLDED_CHARS = new Map<string, string>();

function foldedChar(ch: string): string {
  let out = FOLDED_CHARS.get(ch);
  if (out === undefined) {
    const f = normalizeForMatch(ch).text;
    out = f === ch ? ch : f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    FOLDED_CHARS.set(ch, out);
  }
  return out;
}

/** The capitals form of a case-sensitive pattern: letters outside escapes upper-cased; null when the same. */
export function upperPattern(p: string): string | null {
  let out = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i] as string;
    if (c === '\\') {
      const n = p[i + 1] ?? '';
      // \p{…}, \u{…}: copy through the closing brace; \xHH, \uHHHH and \d, \s…: copy as they are.
      if ((n === 'p' || n === 'P' || n === 'u') && p[i + 2] === '{') {
        const close = p.indexOf('}', i);
        out += p.slice(i, close + 1);
        i = close;
      } else if (n === 'x') {
        out += p.slice(i, i + 4);
        i += 3;
      } else if (n === 'u') {
        out += p.slice(i, i + 6);
        i += 5;
      } else {
        out += c + n;
        i++;
      }
      continue;
    }
    const u = c.toUpperCase();
    out += u.length === 1 ? u : c;
  }
  return out === p ? null : out;
}

const IS_WORD_CHAR = new RegExp(WORD_CHAR, 'u');

/** IS_WORD_CHAR.test per UTF-16 unit, memoised (0: not yet asked, 1: no, 2: yes): rule compilation asks it of every pattern letter. */
const WORD_CHAR_MEMO = new Uint8Array(65536);

/** IS_WORD_CHAR.test(ch) for one character. */
function isWordCharStr(ch: string): boolean {
  if (ch.length !== 1) return IS_WORD_CHAR.test(ch);
  const c = ch.charCodeAt(0);
  let v = WORD_CHAR_MEMO[c] as number;
  if (v === 0) WORD_CHAR_MEMO[c] = v = IS_WORD_CHAR.test(ch) ? 2 : 1;
  return v === 2;
}

/**
 * Per UTF-16 unit: 1 once classified, | 2 a word character of an alphabetic script, | 4 a CJK unit.
 * Filled on first sight of each unit, so tokenising costs one load per character and no regex.
 */
const UNIT_CLASS = new Uint8Array(65536);

function unitClass(c: number): number {
  let v = UNIT_CLASS[c] as number;
  if (v === 0) {
    v = 1 | (wordUnit(c) ? 2 : 0) | (isCjkUnit(c) ? 4 : 0);
    UNIT_CLASS[c] = v;
  }
  return v;
}

function wordUnit(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  // Latin-1 letters and Latin Extended A/B, Greek, Cyrillic: the accented letters of our languages.
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7;
  if (c >= 0x370 && c <= 0x4ff) return true;
  // Kana, Han and Hangul syllables are letters of no alphabetic script and never numbers.
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) return false;
  return IS_WORD_CHAR.test(String.fromCharCode(c));
}

/** Whether the character at i belongs to a word of an alphabetic script (false past the end). */
function isWordCharAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === c && (unitClass(c) & 2) !== 0;
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
 * s.startsWith(x, at) for 0 <= at <= s.length, as a loop over code units: the strings compared at
 * each candidate position are short (a cue's first letters, a literal), and the loop is inlined
 * into the scan where the builtin is a call (~4% of a warm profile went to those calls).
 */
function hasAt(s: string, x: string, at: number): boolean {
  const n = x.length;
  if (at + n > s.length) return false;
  for (let k = 0; k < n; k++) if (s.charCodeAt(at + k) !== x.charCodeAt(k)) return false;
  return true;
}

/** A literal alternative as tried at a position: the old LiteralIndex semantics. */
function tryLiteral(tk: Tokens, pos: number, lit: Literal): number {
  const text = tk.text;
  const end = pos + lit.text.length;
  if (end > text.length) return -1;
  if (lit.cs) {
    if (!hasAt(text, lit.text, pos) && (lit.upper === null || !hasAt(text, lit.upper, pos))) return -1;
  } else {
    const lower = lowerText(tk);
    if (lower !== null ? !hasAt(lower, lit.lower, pos) : text.slice(pos, end).toLowerCase() !== lit.lower) return -1;
  }
  if (!katakanaBoundaryOk(text, pos, end, lit.text)) return -1;
  // Arabic, Hebrew, Devanagari names end with their word (scripts.ts).
  if (end < text.length && isSpacedNonAlphabeticLetter(lit.text.charCodeAt(lit.text.length - 1)) && isSpacedNonAlphabeticLetter(text.charCodeAt(end))) return -1;
  let stop = end;
  if (lit.possessive) {
    const c = text.charCodeAt(stop);
    if ((c === 39 || c === 0x2019) && text.charCodeAt(stop + 1) === 115) stop += 2;
    else if (c === 115) stop += 1;
  }
  if (lit.bounded && stop < text.length && isWordCharAt(text, stop)) {
    if (stop === end) return -1;
    // "Huaweis" ok, but "Apples" is not "Apple" + genitive when a letter follows.
    if (isWordCharAt(text, end)) return -1;
  }
  return stop;
}

/**
 * One candidate tried at a word start or CJK position: a literal alternative (names, aliases,
 * agencies: most of the rules, looked up by their first word or first CJK character, so the scan
 * cost does not grow with the number of names) or a gated cue of a part.
 */
interface Cand {
  /** Output bucket: 0 for literals, 1 + part index for a part's cues. */
  bucket: number;
  /** Sort key within a candidate list: bucket, then insertion order (literals) or rank (cues). */
  order: number;
  lit: Literal | null;
  /** A literal keyed by its first word is tried only where the text's word is exactly this. */
  first: string | null;
  entry: GateEntry | null;
}

function pushCand<K>(map: Map<K, Cand[]>, key: K, cand: Cand): void {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  list.push(cand);
}

interface CandMaps {
  /** Candidates at word starts, by wordKey of the word (literals and word-keyed cues). */
  byWordKey: Map<string, Cand[]>;
  /** Candidates at word starts, by prefixKey of the first two letters (cues whose first word is unclear). */
  byPrefix2: Map<number, Cand[]>;
  /** Candidates at CJK positions, by the character (literals and CJK cues). */
  byUnit: Map<number, Cand[]>;
  /** Candidates at CJK positions, by prefixKey of two characters. */
  byPair: Map<number, Cand[]>;
  /**
   * Characters that start a candidate at a CJK position: most positions are skipped on one load.
   * Only a scanner's is read (a cue set's is empty: 64 kB for each of ~35 sets at every start).
   */
  unitStarts: Uint8Array;
}

function candMaps(withStarts: boolean): CandMaps {
  return { byWordKey: new Map(), byPrefix2: new Map(), byUnit: new Map(), byPair: new Map(), unitStarts: new Uint8Array(withStarts ? 65536 : 0) };
}

/** Two order-sorted candidate lists as one. */
function mergeCands(a: Cand[], b: Cand[]): Cand[] {
  const out: Cand[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && (a[i] as Cand).order < (b[j] as Cand).order)) out.push(a[i++] as Cand);
    else out.push(b[j++] as Cand);
  }
  return out;
}

/** Length of the lower-cased prefixes that gate where a cue is tried. */
const PREFIX_LEN = 2;
/** Above this many distinct prefixes a cue is not worth gating. */
const MAX_PREFIXES = 400;

/**
 * The first element of a pattern as the prefix walkers (leadingPrefixes, firstWordKeys) model it:
 * a literal character, a plain character class, an escaped punctuation mark, or a non-capturing
 * group of alternatives, optionally followed by `?`. Null for anything else (\\S, lookarounds,
 * repetition, lazy quantifiers…): the pattern's start is then not plain enough to tell.
 */
export function patternHead(s: string): { atoms: string[] | null; group: string[] | null; rest: string; optional: boolean } | null {
  const c = s[0] as string;
  let atoms: string[] | null = null;
  let rest: string;
  let group: string[] | null = null;
  if (c === '(') {
    if (!s.startsWith('(?:')) return null;
    const close = closeOf(s, 0);
    if (close < 0) return null;
    group = alternatives(s.slice(3, close));
    rest = s.slice(close + 1);
  } else if (c === '[') {
    const close = s.indexOf(']');
    const body = s.slice(1, close);
    if (close < 0 || body.startsWith('^') || body.includes('\\') || body.includes('-')) return null;
    atoms = [...body];
    rest = s.slice(close + 1);
  } else if (c === '\\') {
    const n = s[1] ?? '';
    if (!".-'\u2019/&()".includes(n) || n === '') return null;
    atoms = [n];
    rest = s.slice(2);
  } else if ('.^$|)*+?{}'.includes(c)) {
    return null;
  } else {
    atoms = [c];
    rest = s.slice(1);
  }
  let optional = false;
  if (rest[0] === '?') {
    optional = true;
    rest = rest.slice(1);
  } else if (rest[0] === '*' || rest[0] === '+' || rest[0] === '{') {
    return null;
  }
  if (rest[0] === '?') return null; // lazy quantifiers: not worth modelling
  return { atoms, group, rest, optional };
}

/**
 * A piece of what is left of a pattern for the prefix walkers (leadingPrefixes, firstWordKeys,
 * startStrings): `s` up to `end`, then `next`; a walker stands at an offset in it (from `i` on).
 * A group alternative is walked as its own text followed by the rest of the pattern. Written
 * `alt + rest`, each made a new string that the next patternHead flattened (a copy of the whole
 * rest of the pattern per alternative) and sliced again atom by atom (speed16); now a walker moves
 * an offset, and a group visited adds one piece per alternative (offsets in the same source).
 */
interface PatternRest {
  s: string;
  i: number;
  end: number;
  next: PatternRest | null;
}

/** The text from offset `i` of piece `r` on (for the rare shapes headAt leaves to patternHead). */
function restText(r: PatternRest | null, i: number): string {
  let out = '';
  for (; r !== null; r = r.next, i = r === null ? 0 : r.i) out += r.s.slice(i, r.end);
  return out;
}

/**
 * patternHead's answer, read in place by headAt: `atoms` (a literal's shared one-element array), or
 * a group's alternatives as [from, to, from, to…] offsets in `source`; the rest at `restAt` in piece
 * `rest` (null: nothing left). One object, overwritten by the next headAt: a walker reads it first.
 */
interface PatternHeadAt {
  source: string;
  atoms: string[] | null;
  group: number[] | null;
  rest: PatternRest | null;
  restAt: number;
  optional: boolean;
}

const HEAD: PatternHeadAt = { source: '', atoms: null, group: null, rest: null, restAt: 0, optional: false };

/** One-element atom lists of single characters, shared (walkers only read them). */
const ONE_ATOM: Array<string[] | undefined> = [];

/** Sets HEAD's rest to offset `i` of piece `r`, moved past used-up pieces. */
function setRest(r: PatternRest | null, i: number): void {
  while (r !== null && i >= r.end) {
    r = r.next;
    if (r !== null) i = r.i;
  }
  HEAD.rest = r;
  HEAD.restAt = i;
}

/**
 * patternHead(restText(r, at)) (the same answer, in HEAD), or null; `r` at `at` holds a character.
 * A class or group that does not close in its piece (never so in a valid pattern: each closes
 * inside its alternative) is read from the joined text instead.
 */
function headAt(r: PatternRest, at: number): PatternHeadAt | null {
  const s = r.s;
  const end = r.end;
  const c = s[at] as string;
  let after: number;
  HEAD.atoms = null;
  HEAD.group = null;
  if (c === '(') {
    if (at + 3 > end) return slowHead(r, at);
    if (!s.startsWith('(?:', at)) return null;
    const close = closeOf(s, at);
    if (close < 0 || close >= end) return slowHead(r, at);
    HEAD.group = groupRanges(s, at, close);
    after = close + 1;
  } else if (c === '[') {
    const close = s.indexOf(']', at);
    if (close < 0 || close >= end) return slowHead(r, at);
    const body = s.slice(at + 1, close);
    if (body.startsWith('^') || body.includes('\\') || body.includes('-')) return null;
    HEAD.atoms = [...body];
    after = close + 1;
  } else if (c === '\\') {
    if (at + 1 >= end) return slowHead(r, at);
    const n = s[at + 1] as string;
    if (!".-'\u2019/&()".includes(n)) return null;
    HEAD.atoms = ONE_ATOM[n.charCodeAt(0)] ??= [n];
    after = at + 2;
  } else if ('.^$|)*+?{}'.includes(c)) {
    return null;
  } else {
    HEAD.atoms = ONE_ATOM[c.charCodeAt(0)] ??= [c];
    after = at + 1;
  }
  HEAD.source = s;
  // patternHead's quantifier checks, on the characters after the head (in this piece or the next).
  setRest(r, after);
  let q = HEAD.rest === null ? undefined : HEAD.rest.s[HEAD.restAt];
  HEAD.optional = false;
  if (q === '?') {
    HEAD.optional = true;
    setRest(HEAD.rest, HEAD.restAt + 1);
    q = HEAD.rest === null ? undefined : HEAD.rest.s[HEAD.restAt];
    if (q === '?') return null;
  } else if (q === '*' || q === '+' || q === '{') {
    return null;
  }
  return HEAD;
}

/** The source the memoised group offsets are for, and those offsets by the group's "(" offset. */
let rangesOf = '';
const RANGES = new Map<number, number[]>();

/**
 * The top-level alternatives of the group opened at `open` and closed at `close`, as offsets in s
 * (what alternatives(s.slice(open + 3, close)) gives as strings), memoised per source: the walkers
 * reach one group once per path that leads to it.
 */
function groupRanges(s: string, open: number, close: number): number[] {
  if (s !== rangesOf) {
    rangesOf = s;
    RANGES.clear();
  }
  let out = RANGES.get(open);
  if (out !== undefined) return out;
  out = alternativeBounds(s, open + 3, close);
  RANGES.set(open, out);
  return out;
}

/**
 * Walks each alternative of a group headAt read (`group`: offsets in `source`), as a piece of the
 * source followed by the rest of the pattern after the group (`rest` at `restAt`), until `visit` says
 * stop (false). Takes HEAD's fields as the walker read them: any walk since has overwritten HEAD.
 */
function eachAlternative(source: string, group: number[], rest: PatternRest | null, restAt: number, visit: (r: PatternRest, i: number) => boolean): boolean {
  // The rest after the group as a piece that starts there, each alternative a piece before it.
  const then = rest === null || restAt === rest.i ? rest : { s: rest.s, i: restAt, end: rest.end, next: rest.next };
  for (let k = 0; k < group.length; k += 2) {
    const from = group[k] as number;
    if (!visit({ s: source, i: from, end: group[k + 1] as number, next: then }, from)) return false;
  }
  return true;
}

/** headAt for a class or group that does not close in its piece: patternHead over the joined text. */
function slowHead(r: PatternRest, at: number): PatternHeadAt | null {
  const h = patternHead(restText(r, at));
  if (h === null) return null;
  const rest = h.rest === '' ? null : { s: h.rest, i: 0, end: h.rest.length, next: null };
  HEAD.atoms = h.atoms;
  HEAD.rest = rest;
  HEAD.restAt = 0;
  HEAD.optional = h.optional;
  if (h.group === null) {
    HEAD.source = '';
    HEAD.group = null;
    return HEAD;
  }
  // The alternatives joined, each at its offsets.
  const group: number[] = [];
  let off = 0;
  for (const alt of h.group) {
    group.push(off, off + alt.length);
    off += alt.length + 1;
  }
  HEAD.source = h.group.join('|');
  HEAD.group = group;
  return HEAD;
}

/**
 * The lower-cased strings of PREFIX_LEN characters any match of the pattern starts with, or null
 * when the pattern's start is not plain enough to tell (classes like \\S, lookarounds…).
 */
export function leadingPrefixes(pattern: string, len = PREFIX_LEN): string[] | null {
  const out = new Set<string>();
  const walk = (r: PatternRest | null, i: number, acc: string, budget: { n: number }): boolean => {
    if (--budget.n < 0) return false;
    if (acc.length >= len) {
      out.add(acc.slice(0, len).toLowerCase());
      return out.size <= MAX_PREFIXES;
    }
    while (r !== null && i >= r.end) {
      r = r.next;
      if (r !== null) i = r.i;
    }
    if (r === null) return false;
    const head = headAt(r, i);
    if (!head) return false;
    const { source, atoms, group, optional, rest, restAt } = head;
    if (optional && !walk(rest, restAt, acc, budget)) return false;
    if (group) return eachAlternative(source, group, rest, restAt, (r, i) => walk(r, i, acc, budget));
    for (const a of atoms as string[]) if (!walk(rest, restAt, acc + (a === ' ' ? ' ' : a), budget)) return false;
    return true;
  };
  for (const alt of alternatives(pattern)) if (!walk({ s: alt, i: 0, end: alt.length, next: null }, 0, '', { n: 5000 })) return null;
  return [...out];
}

/**
 * Characters a required string may hold: ASCII and the caseless CJK scripts. For them a match (also a
 * case-insensitive one, whose canonical form is the upper case) always shows in the lower-cased text
 * as the lower-cased string, so a text whose lower-cased form lacks every required string is skipped
 * without running the regex.
 */
function caselessOrAscii(c: number): boolean {
  return (c > 32 && c < 127) || cjkUnit(c);
}

/** Kana, CJK ideographs (Extension A and the main block) and Hangul syllables: the caseless CJK units. */
function cjkUnit(c: number): boolean {
  return (c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af);
}

/** Whether a string holds a CJK unit (cjkUnit). */
function hasCjkUnit(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (cjkUnit(s.charCodeAt(i))) return true;
  return false;
}

/**
 * The cased letters of U+00C0–U+052F (Latin-1 letters, Latin Extended-A/B, IPA, Greek, Cyrillic)
 * and U+1E00–U+1EFF (Vietnamese) that a required string may NOT hold: each shares its upper case
 * with a unit that lower-cases to another unit (в and ᲀ U+1C80 both have В, σ and ς Σ, μ and µ Μ,
 * β and ϐ Β, …) or lower-cases to two units (İ). A case-insensitive regex without "u" matches any
 * unit of the same upper case, so such a match need not show in the lower-cased text as the
 * letter lower-cased. compile.test.ts checks this list against the BMP's case mappings.
 */
export const CASED_NOT_REQUIRABLE = 'İͅΒΕΘΙΚΜΠΡΣΦβεθικμπρςσφϐϑϕϖϰϱϵВДОСТЪвдостъѢѣṠṡẛ';

/**
 * Whether a required string may hold the unit (altRequirement): ASCII and caseless CJK
 * (caselessOrAscii), and since speed18 the other letters of the alphabetic scripts above but
 * CASED_NOT_REQUIRABLE. Every unit of their case class (same upper case) lower-cases to the same
 * one unit, so a match, case-insensitive or not, shows in the lower-cased text as the string.
 * Before, a cue whose alternatives hold a word like "déçu", "добровольно" or "prohibición" had
 * no required strings at all and ran its regex on every text (vp.vendor-voluntary: at each of
 * ~10,000 vendor mentions per bench pass).
 */
export function requirable(c: number): boolean {
  if (caselessOrAscii(c)) return true;
  return ((c >= 0xc0 && c <= 0x52f) || (c >= 0x1e00 && c <= 0x1eff)) && !CASED_NOT_REQUIRABLE.includes(String.fromCharCode(c));
}

/** Shortest required string first: a set is as selective as its weakest member. */
function betterRequirement(a: string[] | null, b: string[]): boolean {
  if (!a) return true;
  const min = (x: string[]) => Math.min(...x.map((s) => s.length));
  return min(b) > min(a) || (min(b) === min(a) && b.length < a.length);
}

/**
 * Lower-cased strings (2+ characters) one of which every match of a pattern contains
 * ("vigor" for "entr(?:a|ó) en vigor|en vigor"), or null when some alternative has none. A space
 * in the pattern stands for whitespace and ends a string.
 *
 * `single`: also one-character strings where nothing longer is required: a lone CJK character
 * ("禁" of "禁(?:售|购)?{V}") and the characters of a short character list ("[|｜]"). A text is
 * checked for them with one indexOf each, worth it for an ungated part, which otherwise scans the
 * whole text with its regex (most such scans of CJK cues find nothing in other scripts' text).
 */
export function requiredStrings(pattern: string, single = false): string[] | null {
  const out = new Set<string>();
  for (const alt of alternatives(pattern)) {
    const req = altRequirement(alt, undefined, single);
    if (!req) return null;
    for (const r of req) out.add(r);
  }
  return out.size ? [...out] : null;
}

/**
 * Every set of strings one of which a match of `pattern` contains, per top-level alternative: a
 * match of an alternative contains one string of each of its sets (requiredStrings keeps only the
 * most selective set). Null when some alternative has no set.
 */
export function requiredStringSets(pattern: string): string[][][] | null {
  const out: string[][][] = [];
  for (const alt of alternatives(pattern)) {
    const all: string[][] = [];
    altRequirement(alt, all);
    if (!all.length) return null;
    out.push(all);
  }
  return out;
}

/** The most selective set of strings one of which every match of `alt` contains; each set found is also added to `all`. */
function altRequirement(alt: string, all?: string[][], single = false): string[] | null {
  let best: string[] | null = null;
  let run = '';
  const flush = (): void => {
    if (run.length >= 2 || (single && run.length === 1 && run.charCodeAt(0) >= 0x3040)) {
      all?.push([run]);
      if (betterRequirement(best, [run])) best = [run];
    }
    run = '';
  };
  let i = 0;
  while (i < alt.length) {
    const c = alt[i] as string;
    let ch: string | null = null;
    let len = 1;
    if (c === '\\') {
      const n = alt[i + 1] ?? '';
      if (n === 'p' || n === 'P' || n === 'u' || n === 'x' || n === 'c' || /[\p{L}\p{N}_]/u.test(n)) {
        // Classes, assertions, code escapes and backreferences: not a literal character.
        flush();
        if ((n === 'p' || n === 'P' || n === 'u') && alt[i + 2] === '{') len = alt.indexOf('}', i) + 1 - i;
        else if (n === 'u') len = 6;
        else if (n === 'x') len = 4;
        else if (n === 'c') len = 3;
        else len = 2;
        i += len;
        i += quantifierAt(alt, i);
        continue;
      }
      ch = n;
      len = 2;
    } else if (c === '[') {
      flush();
      let j = i + 1;
      if (alt[j] === '^') j++;
      if (alt[j] === ']') j++;
      while (j < alt.length && alt[j] !== ']') j += alt[j] === '\\' ? 2 : 1;
      const q = quantifierAt(alt, j + 1);
      if (single && (q === 0 || alt[j + 1] === '+')) {
        // A short list of plain characters ("[|｜]", not "[^…]", "[a-z]" or "[\s…]"): one of them is there.
        const body = alt.slice(i + 1, j);
        const chars = [...new Set([...body].map((x) => x.toLowerCase()))];
        if (body.length > 0 && body.length <= MAX_CLASS_CHARS && !/[\^\\\-[\]]/.test(body) && [...body].every(classCharRequirable)) {
          all?.push(chars);
          if (betterRequirement(best, chars)) best = chars;
        }
      }
      i = j + 1 + q;
      continue;
    } else if (c === '(') {
      flush();
      const close = closeOf(alt, i);
      if (close < 0) return null;
      const q = quantifierAt(alt, close + 1);
      const mandatory = q === 0 || alt[close + 1] === '+';
      const look = alt.startsWith('(?=', i) || alt.startsWith('(?!', i) || alt.startsWith('(?<=', i) || alt.startsWith('(?<!', i);
      if (mandatory && !look) {
        const body = alt.startsWith('(?:', i) ? alt.slice(i + 3, close) : alt.startsWith('(?<', i) ? null : alt.slice(i + 1, close);
        const inner = body === null ? null : requiredStrings(body, single);
        if (inner) all?.push(inner);
        if (inner && betterRequirement(best, inner)) best = inner;
      }
      i = close + 1 + q;
      continue;
    } else if (c === ' ' || c === '.' || c === '^' || c === '$' || c === '|' || c === ')') {
      flush();
      i++;
      if (c === ' ' && alt[i] === '?') i++;
      continue;
    } else {
      ch = c;
    }
    const q = quantifierAt(alt, i + len);
    const safe = requirable(ch.charCodeAt(0));
    if (q && alt[i + len] !== '+') {
      // Optional or repeated: the string ends before it.
      flush();
    } else if (q) {
      // One or more: required once, but what follows may not be adjacent to it.
      if (safe) run += ch.toLowerCase();
      flush();
    } else if (safe) run += ch.toLowerCase();
    else flush();
    i += len + q;
  }
  flush();
  return best;
}

/**
 * Whether a character of a character list can stand as a required string: ASCII or caseless CJK
 * (caselessOrAscii), or any other character without case mappings ("｜", "："): a case-insensitive
 * regex without the "u" flag matches such a character only by itself (no character of the BMP has
 * it as its upper case), and lower-casing keeps it. Not a space or a private-use character: a
 * masked text has those where its unmasked text (whose grams are read) has a vendor's name.
 */
function classCharRequirable(x: string): boolean {
  if (x.length !== 1) return false;
  const c = x.charCodeAt(0);
  if (caselessOrAscii(c)) return true;
  return c > 127 && !(c >= 0xe000 && c <= 0xf8ff) && !/\s/.test(x) && x.toLowerCase() === x && x.toUpperCase() === x;
}

/** Longest character list whose characters are a requirement (requiredStrings' `single`). */
const MAX_CLASS_CHARS = 4;

/** Above this many strings a finite cue stays a regex. */
const MAX_EXPANSIONS = 256;

/**
 * The strings a pattern matches when it is finite and simple (literals, escaped punctuation,
 * (?:…|…) groups, character lists like [sz], and "?" on any of them; a space stands for one space,
 * as the classifier's text has its whitespace collapsed), in the order a backtracking regex tries
 * them; null otherwise.
 */
/** Characters that end a run of plain characters in expandFinite: syntax, or what quantifies the run's last character. */
const PLAIN_STOP = '()[]\\|.^$*+?{}';

export function expandFinite(p: string, limit = MAX_EXPANSIONS): string[] | null {
  let pos = 0;
  const alt = (): string[] | null => {
    const out: string[] = [];
    for (;;) {
      const seq = sequence();
      if (!seq) return null;
      out.push(...seq);
      if (out.length > limit) return null;
      if (p[pos] !== '|') return out;
      pos++;
    }
  };
  const sequence = (): string[] | null => {
    let acc = [''];
    while (pos < p.length && p[pos] !== '|' && p[pos] !== ')') {
      const c = p[pos] as string;
      let opts: string[] | null;
      if (c === '(') {
        if (!p.startsWith('(?:', pos)) return null;
        pos += 3;
        opts = alt();
        if (!opts || p[pos] !== ')') return null;
        pos++;
      } else if (c === '[') {
        const close = p.indexOf(']', pos);
        const body = p.slice(pos + 1, close);
        if (close < 0 || !body || body.startsWith('^') || body.includes('\\') || body.includes('-') || body.includes('[')) return null;
        opts = [...body];
        pos = close + 1;
      } else if (c === '\\') {
        const n = p[pos + 1] ?? '';
        // Escaped punctuation is itself; \d, \s, \p{…}, \b… are classes or assertions.
        if (!n || /[\p{L}\p{N}_]/u.test(n)) return null;
        opts = [n];
        pos += 2;
      } else if ('.^$*+?{}]'.includes(c)) {
        return null;
      } else {
        // A run of plain characters is taken at once (speed12: one string per run, not one array
        // and one concatenation per character); its last character stays apart when a quantifier
        // follows it, as that applies to it alone.
        let end = pos + 1;
        while (end < p.length && !PLAIN_STOP.includes(p[end] as string)) end++;
        if (end < p.length && end - pos > 1 && '?*+{'.includes(p[end] as string)) end--;
        opts = [p.slice(pos, end)];
        pos = end;
      }
      if (p[pos] === '?') {
        pos++;
        if (p[pos] === '?') return null;
        // Greedy: with the optional part first, then without.
        opts = [...opts, ''];
      } else if (p[pos] === '*' || p[pos] === '+' || p[pos] === '{') return null;
      const next: string[] = [];
      for (const a of acc) for (const o of opts) next.push(a + o);
      if (next.length > limit) return null;
      acc = next;
    }
    return acc;
  };
  const all = alt();
  if (!all || pos !== p.length) return null;
  const out = [...new Set(all)];
  return out.length && !out.includes('') ? out : null;
}

/** The word characters of the fast regexes' word-boundary tail (WORD_CHAR without the "u" flag). */
function isTailWordChar(c: number): boolean {
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
  return c === 0xaa || c === 0xba || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x370 && c <= 0x4ff);
}

/** Length of the lower-cased word start that keys where a word-bounded cue is tried. */
const KEY_LEN = 4;

/** The key of a lower-cased word: its first KEY_LEN characters, or "=" and the whole word when shorter. */
function wordKey(lower: string): string {
  return lower.length >= KEY_LEN ? lower.slice(0, KEY_LEN) : `=${lower}`;
}

/**
 * The keys (see wordKey) of the first word of every match of a word-bounded pattern, or null when
 * its start is not plain enough to tell. Much more selective than two-letter prefixes: "ban",
 * "bans" and "banned" are three keys, and "bank" is none of them.
 */
export function firstWordKeys(pattern: string): string[] | null {
  const out = new Set<string>();
  const word = isWordCharStr;
  const walk = (r: PatternRest | null, i: number, acc: string, budget: { n: number }): boolean => {
    if (--budget.n < 0) return false;
    if (acc.length >= KEY_LEN) {
      out.add(wordKey(acc.toLowerCase()));
      return out.size <= MAX_PREFIXES;
    }
    // The pattern ends (its tail asserts a word end): the first word is complete.
    while (r !== null && i >= r.end) {
      r = r.next;
      if (r !== null) i = r.i;
    }
    if (r === null) {
      if (!acc) return false;
      out.add(wordKey(acc.toLowerCase()));
      return out.size <= MAX_PREFIXES;
    }
    const head = headAt(r, i);
    if (!head) return false;
    const { source, atoms, group, optional, rest, restAt } = head;
    if (optional && !walk(rest, restAt, acc, budget)) return false;
    if (group) return eachAlternative(source, group, rest, restAt, (r, i) => walk(r, i, acc, budget));
    for (const a of atoms as string[]) {
      if (word(a)) {
        if (!walk(rest, restAt, acc + a, budget)) return false;
      } else {
        // A non-word character ends the first word (a match cannot start with one).
        if (!acc) return false;
        out.add(wordKey(acc.toLowerCase()));
        if (out.size > MAX_PREFIXES) return false;
      }
    }
    return true;
  };
  for (const alt of alternatives(pattern)) if (!walk({ s: alt, i: 0, end: alt.length, next: null }, 0, '', { n: 5000 })) return null;
  return [...out];
}

/** Lower-cased UTF-16 unit: ASCII fast path, the rest through toLowerCase. */
function lowerUnit(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  // CJK punctuation, kana, Han and Hangul have no case: no string round trip for them.
  if (c >= 0x3000 && c < 0xff00) return c;
  // Others (accented Latin, Greek, Cyrillic…) once each, then from a table (0: not yet worked out).
  let l = LOWER_UNIT[c] as number;
  if (l === 0) LOWER_UNIT[c] = l = String.fromCharCode(c).toLowerCase().charCodeAt(0);
  return l;
}

const LOWER_UNIT = new Uint16Array(65536);

/**
 * Numeric key of a two-character prefix (lower-cased): the two units in one 32-bit integer, so
 * that the key of a CJK pair (above 2^31 as a * 65536 + b) is still a small integer for V8, not a
 * heap number allocated and hashed at every CJK position. Never in [0, 65536): no unit key.
 */
export function prefixKey(a: number, b: number): number {
  return (lowerUnit(a) << 16) | lowerUnit(b);
}

/**
 * Words of a text (start, end, prefix key, lower-cased form on demand) and its CJK positions:
 * computed once per text and shared by every cue set. A two-entry cache (text and masked text)
 * of two slots that are refilled, not reallocated: the arrays grow to the longest text seen and
 * hold `n` words and `nCjk` CJK positions of the current one (tokenising was the largest
 * allocation of classifying an item). A slot is only read while its text is being scanned.
 */
interface Tokens {
  text: string;
  /** Words in starts/ends/keys/lowers/wkeys (their lengths are capacities). */
  n: number;
  /** CJK positions in cjk. */
  nCjk: number;
  starts: Int32Array;
  ends: Int32Array;
  keys: Int32Array;
  lowers: Array<string | undefined>;
  wkeys: Array<string | undefined>;
  cjk: Int32Array;
  /** The text lower-cased when that keeps every offset (null: compare piece by piece); undefined until asked. */
  lower: string | null | undefined;
  /** The text case-insensitive regexes run on without "i" (lowered.ts regexLower), null when none; undefined until asked. */
  rxLower: string | null | undefined;
  /** Whether its whitespace is single plain spaces (see collapsed); undefined until asked. */
  collapsed: boolean | undefined;
}

function tokenSlot(): Tokens {
  // The empty text: no words, no CJK positions.
  return { text: '', n: 0, nCjk: 0, starts: new Int32Array(64), ends: new Int32Array(64), keys: new Int32Array(64), lowers: [], wkeys: [], cjk: new Int32Array(64), lower: undefined, rxLower: undefined, collapsed: undefined };
}

let tokenCache: [Tokens, Tokens] = [tokenSlot(), tokenSlot()];

function tokensOf(text: string): Tokens {
  const [a, b] = tokenCache;
  if (a.text === text) return a;
  if (b.text === text) return b;
  // Counted first, then filled into the older slot, grown when too small.
  let nWords = 0;
  let nCjk = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const cls = unitClass(text.charCodeAt(i));
    const w = (cls & 2) !== 0;
    if (w && !inWord) nWords++;
    if (!w && (cls & 4) !== 0) nCjk++;
    inWord = w;
  }
  const t = b;
  if (t.starts.length < nWords) {
    const cap = Math.max(nWords, 2 * t.starts.length);
    t.starts = new Int32Array(cap);
    t.ends = new Int32Array(cap);
    t.keys = new Int32Array(cap);
  }
  if (t.cjk.length < nCjk) t.cjk = new Int32Array(Math.max(nCjk, 2 * t.cjk.length));
  const { starts, ends, keys, cjk, lowers, wkeys } = t;
  // The previous text's lower-cased words are not this one's.
  for (let k = 0; k < t.n; k++) {
    lowers[k] = undefined;
    wkeys[k] = undefined;
  }
  let t0 = 0;
  let t1 = 0;
  let c = 0;
  inWord = false;
  for (let i = 0; i < text.length; i++) {
    const cls = UNIT_CLASS[text.charCodeAt(i)] as number;
    const w = (cls & 2) !== 0;
    if (w && !inWord) {
      starts[t0++] = i;
      keys[t0 - 1] = prefixKey(text.charCodeAt(i), i + 1 < text.length ? text.charCodeAt(i + 1) : 0);
    } else if (!w && inWord) ends[t1++] = i;
    if (!w && (cls & 4) !== 0) cjk[c++] = i;
    inWord = w;
  }
  if (inWord) ends[t1] = text.length;
  t.text = text;
  t.n = nWords;
  t.nCjk = nCjk;
  t.lower = undefined;
  t.rxLower = undefined;
  t.collapsed = undefined;
  tokenCache = [t, a];
  return t;
}

function lowerToken(tk: Tokens, t: number): string {
  return (tk.lowers[t] ??= tk.text.slice(tk.starts[t], tk.ends[t]).toLowerCase());
}

/** The first word of a string (alphabetic scripts), for keys. */
const WORD_RUN = new RegExp(`^${WORD_CHAR}+`, 'u');

/** The text lower-cased when that keeps every offset, else null (shared with its tokens when cached). */
function lowerOfText(text: string): string | null {
  const [a, b] = tokenCache;
  const tk = a.text === text ? a : b.text === text ? b : null;
  if (tk) return lowerText(tk);
  const l = text.toLowerCase();
  return l.length === text.length ? l : null;
}

/** The text lower-cased when that keeps every offset, else null (then pieces are compared one by one). */
function lowerText(tk: Tokens): string | null {
  if (tk.lower === undefined) {
    const l = tk.text.toLowerCase();
    tk.lower = l.length === tk.text.length ? l : null;
  }
  return tk.lower;
}

/**
 * The lower-cased text the case-insensitive regexes run on without "i" (lowered.ts regexLower,
 * from lowerText); null when there is none (the "i" regexes run on the text).
 */
function regexLower(tk: Tokens): string | null {
  if (tk.rxLower === undefined) tk.rxLower = regexLowerOf(tk.text, lowerText(tk));
  return tk.rxLower;
}

/** The last text regexLowerOfText worked out without tokens, and its answer. */
let rxLastText: string | null = null;
let rxLastLower: string | null = null;

/**
 * regexLower for a text, through its tokens when cached, else through the last answer: the
 * ungated parts of several lexicons scan one masked text in turn (half of the ~6,200 texts per
 * bench pass not in the token cache are the one just asked), each once lower-casing it and
 * testing it for LOWER_UNSAFE units (speed15).
 */
function regexLowerOfText(text: string): string | null {
  const [a, b] = tokenCache;
  const tk = a.text === text ? a : b.text === text ? b : null;
  if (tk) return regexLower(tk);
  if (rxLastText !== text) {
    const l = text.toLowerCase();
    rxLastLower = regexLowerOf(text, l.length === text.length ? l : null);
    rxLastText = text;
  }
  return rxLastLower;
}

/** The longest string every one of `strs` starts with. */
function commonStart(strs: string[]): string {
  let n = strs.length ? (strs[0] as string).length : 0;
  for (const x of strs) {
    let k = 0;
    while (k < n && k < x.length && x.charCodeAt(k) === (strs[0] as string).charCodeAt(k)) k++;
    n = k;
  }
  return strs.length ? (strs[0] as string).slice(0, n) : '';
}

/**
 * Whether `s` stands in `src` at `at`, its first `from` characters already known to be there (the
 * start all of an entry's strings share: see matchLiteralAt's `common`, startsAt's `startsCommon`).
 */
function restAt(src: string, at: number, s: string, from: number): boolean {
  const n = s.length;
  if (at + n > src.length) return false;
  let k = from;
  while (k < n && src.charCodeAt(at + k) === s.charCodeAt(k)) k++;
  return k === n;
}

/** End of the first of an entry's strings that matches at `at` (with a word end when bounded), or -1. */
function matchLiteralAt(tk: Tokens, at: number, e: GateEntry): number {
  const text = tk.text;
  // The case-folded text keeps every offset (lowerText), so it is compared in place.
  const src = e.cs ? text : lowerText(tk);
  if (src !== null) {
    // Every string starts with `common`: when the text does not, none matches; when it does, each
    // string is compared from there (the same first match as comparing each whole).
    const from = e.common.length;
    if (from > 0 && !hasAt(src, e.common, at)) return -1;
    for (const lit of e.lits as string[]) {
      if (!restAt(src, at, lit, from)) continue;
      const end = at + lit.length;
      if (e.bounded && end < text.length && isTailWordChar(text.charCodeAt(end))) continue;
      return end;
    }
    return -1;
  }
  // Lower-casing moves offsets in this text (a case-insensitive entry): each piece is folded alone.
  for (const lit of e.lits as string[]) {
    const end = at + lit.length;
    if (end > text.length) continue;
    if (text.slice(at, end).toLowerCase() !== lit) continue;
    if (e.bounded && end < text.length && isTailWordChar(text.charCodeAt(end))) continue;
    return end;
  }
  return -1;
}

/**
 * A word key (wordKey) as a small integer when its letters are ASCII: up to four 7-bit codes, then
 * the length of a short word (1–3; 0 for a four-letter prefix). -1 otherwise.
 */
function asciiKeyOf(key: string): number {
  const short = key.startsWith('=');
  const w = short ? key.slice(1) : key;
  if (w.length === 0 || w.length > KEY_LEN || (!short && w.length !== KEY_LEN)) return -1;
  let k = 0;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (c >= 128) return -1;
    k = k * 128 + c;
  }
  return k * 4 + (short ? w.length : 0);
}

/**
 * asciiKeyOf(wordKey(the word text[start, end) lower-cased)), read from the text without building
 * a string; -1 when one of the letters that make the key is not ASCII (then the string key is used).
 * With ASCII letters in front, lower-casing the whole word then cutting is lower-casing the cut.
 */
function asciiKeyAt(text: string, start: number, end: number): number {
  const len = end - start;
  const n = len < KEY_LEN ? len : KEY_LEN;
  let k = 0;
  for (let i = start; i < start + n; i++) {
    let c = text.charCodeAt(i);
    if (c >= 128) return -1;
    if (c >= 65 && c <= 90) c += 32;
    k = k * 128 + c;
  }
  return k * 4 + (len < KEY_LEN ? len : 0);
}

function tokenKey(tk: Tokens, t: number): string {
  return (tk.wkeys[t] ??= wordKey(lowerToken(tk, t)));
}


/**
 * A set of cues: literal ones in a LiteralIndex, the others compiled into a few regexes (family ×
 * case mode × word boundaries), one capturing group per cue; the group that matched names the cue.
 */
/**
 * A cue with every optional field present (undefined when unset), in one key order: the decision
 * code reads a dozen fields of every hit's cue, and cues of one shape keep those reads monomorphic
 * (JSON cues otherwise come in dozens of shapes).
 */
export function shaped<C extends Cue>(c: C, pattern = c.pattern): C {
  // Every field of Cue, and a vendor cue's vendor: a field left out here would be appended below
  // and give the cues that have it a hidden class of their own (speed6: cueVotes deoptimised on
  // "wrong map" reading cue.mw because sure/issued/timing/decided/speech/vendor cues differed).
  const out = {
    id: c.id, pattern, cs: c.cs, restrict: c.restrict, measure: c.measure, mw: c.mw, stage: c.stage, sw: c.sw,
    sure: c.sure, issued: c.issued, timing: c.timing, futureForm: c.futureForm, decided: c.decided, bareFuture: c.bareFuture,
    actor: c.actor, noise: c.noise, bodyFactor: c.bodyFactor, answer: c.answer, reason: c.reason, homeOf: c.homeOf, background: c.background, bystander: c.bystander,
    precedent: c.precedent, scopeless: c.scopeless, goods: c.goods, product: c.product, agency: c.agency, generic: c.generic, handset: c.handset, ownReach: c.ownReach, marketReach: c.marketReach, passive: c.passive,
    firm: c.firm, country: c.country, sharedBy: c.sharedBy, countryMap: c.countryMap, countryMapOf: c.countryMapOf, cw: c.cw, quells: c.quells, keep: c.keep,
    speech: c.speech, nonActing: c.nonActing, nonActingList: c.nonActingList, originWord: c.originWord, vendor: (c as Partial<VendorCue>).vendor,
  } as unknown as C;
  // Fields Cue does not declare (none in the bundled rules) come after, in their own order.
  for (const k of Object.keys(c)) if (!(k in out)) (out as Record<string, unknown>)[k] = (c as Record<string, unknown>)[k];
  return out;
}

/**
 * The order of cue ids of one length: localeCompare's (a collator of the default locale, as
 * ECMA-402 defines localeCompare), made once instead of looked up per comparison.
 */
const ID_ORDER = new Intl.Collator();

export class CueSet {
  /** @internal Read by CueScanner. */
  readonly parts: Part[] = [];
  /** @internal Where each literal and gated cue is tried (read by CueScanner). */
  readonly cands: CandMaps = candMaps(false);
  private literalCount = 0;
  /** This set scanned alone (created on first use). */
  private own: CueScanner | null = null;
  readonly size: number;

  private addLiteral(lit: Literal): void {
    const first = hasCjk(lit.text.charAt(0)) ? null : (WORD_RUN.exec(lit.lower)?.[0] ?? null);
    const order = this.literalCount++;
    const g = this.cands;
    if (first) {
      pushCand(g.byWordKey, wordKey(first), { bucket: 0, order, lit, first, entry: null });
      if (lit.possessive && first === lit.lower) pushCand(g.byWordKey, wordKey(`${first}s`), { bucket: 0, order, lit, first: `${first}s`, entry: null });
    } else if (lit.text.length >= 2) {
      // By the first two characters: 中国, 中兴 and 中非 are not all tried wherever 中 stands.
      pushCand(g.byPair, prefixKey(lit.text.charCodeAt(0), lit.text.charCodeAt(1)), { bucket: 0, order, lit, first: null, entry: null });
    } else {
      pushCand(g.byUnit, lit.text.charCodeAt(0), { bucket: 0, order, lit, first: null, entry: null });
    }
  }

  /**
   * `capitals`: case-sensitive cues (names, agencies) also match written in capitals, as in an
   * all-caps headline ("JAPAN TO EXCLUDE HUAWEI"). Off for vendor names, which list their forms.
   */
  constructor(cues: Cue[], bounded: boolean, possessive = false, gateable = true, capitals = false) {
    const regexCues: Cue[] = [];
    for (const raw of cues) {
      // Plain literals without escapes are valid, capture-free, non-empty regexes by construction:
      // validating the thousands of generated names would only cost start-up time.
      if (!literalAlternatives(raw.pattern) || raw.pattern.includes('\\')) validatePattern(raw.id, spaces(raw.pattern));
      // Rules are matched against normalised text (normalizeForMatch), so they are folded the same way.
      const c = shaped(raw, foldPattern(raw.pattern));
      const lits = literalAlternatives(c.pattern);
      if (!lits) {
        regexCues.push(c);
        continue;
      }
      for (const text of lits) {
        if (!text.trim()) throw new RuleError(`rule ${c.id}: empty alternative`);
        const up = capitals && c.cs ? text.toUpperCase() : text;
        this.addLiteral({
          text, lower: text.toLowerCase(), cue: c, fam: role(c), cs: !!c.cs,
          bounded: bounded && !hasCjk(text), possessive, upper: up !== text && up.length === text.length ? up : null,
        });
      }
    }
    // A space in a pattern stands for any run of whitespace, so lexicons stay readable.
    const expansions = new Map<Cue, string[]>();
    // A spaced cue's pattern as written, " " unexpanded (speed13). The pattern analyses
    // (startStrings, requiredStringSets, requiredStrings) give the same answer for it as for the
    // spaced pattern (a space and WS/WS_OPT both end a string and read as one space; checked over
    // every lexicon pattern in compile.test.ts) but read a pattern ~2.3× shorter: each space is an
    // 88-character class once spaced. They run on a run's first items (~1,200 cues in a bench pass).
    const unspaced = new Map<Cue, string>();
    const prepared = regexCues.map((c) => {
      const p = c.pattern.includes(' ') ? shaped(c, spaces(c.pattern)) : c;
      if (p !== c) unspaced.set(p, c.pattern);
      // Finite cues are matched as strings (the text's whitespace is collapsed to single spaces,
      // so " " is one space): no regex to compile or run.
      const lits = gateable ? expandFinite(c.pattern) : null;
      // Folding (Traditional to Simplified Chinese, NFKC) can make two alternatives one: "宣布|宣佈".
      if (lits) expansions.set(p, [...new Set(lits)]);
      return p;
    });
    // Longer patterns first: at one position the first matching alternative wins, and the longer
    // phrase ("will not ban") is the more specific cue.
    // Length as measured with whitespace written [^\S\n]+ / [^\S\n]* (a 7-character class), before
    // WS_CLASS: the order of cues, and so which one wins at a position, stays as it was.
    const lens = new Map(prepared.map((c) => [c, c.pattern.length - (c.pattern.split(WS_CLASS).length - 1) * (WS_CLASS.length - 7)] as const));
    const len = (c: Cue): number => lens.get(c) as number;
    const sorted = prepared.sort((a, b) => len(b) - len(a) || ID_ORDER.compare(a.id, b.id));
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
      const byWord = new Map<string, Cue[]>();
      const byPair = new Map<number, Cue[]>();
      const free: Cue[] = [];
      for (const c of all) {
        // Word-bounded cues are keyed by their first word when it can be told (selective);
        // otherwise by their first two letters.
        const wk = gateable && !cjkGate ? firstWordKeys(c.pattern.split(WS).join(' ')) : null;
        if (wk && wk.length) {
          for (const k of wk) {
            let list = byWord.get(k);
            if (!list) byWord.set(k, (list = []));
            if (!list.includes(c)) list.push(c);
          }
          continue;
        }
        // CJK cues are keyed by their first two characters when those are known, else by the first.
        const bi = gateable && cjkGate ? leadingPrefixes(c.pattern, 2) : null;
        if (bi && bi.length && bi.every((x) => x.length === 2 && isCjkUnit(x.charCodeAt(0)))) {
          for (const x of bi) {
            const k = prefixKey(x.charCodeAt(0), x.charCodeAt(1));
            let list = byPair.get(k);
            if (!list) byPair.set(k, (list = []));
            if (!list.includes(c)) list.push(c);
          }
          continue;
        }
        const pre = !gateable
          ? null
          : cjkGate
            ? leadingPrefixes(c.pattern, 1)
            : leadingPrefixes(c.pattern.split(WS).join(' '));
        const ok = pre && (cjkGate
          ? pre.every((x) => x.length === 1 && isCjkUnit(x.charCodeAt(0)))
          : pre.every((x) => x.length === PREFIX_LEN && isWordCharStr(x.charAt(0))));
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
      if (byPrefix.size || byWord.size || byPair.size) {
        // One sticky regex per cue, all tried at a candidate position: two cues of one family that
        // start at the same word ("使わない" and "使わないよう要請") both count.
        const own = new Map<Cue, LazyRe>();
        const rank = new Map(all.map((c, i) => [c, i] as const));
        const cs = mode === 'cs';
        // The key of each of a finite cue's strings, worked out once per cue (not once per key).
        const keysOf = new Map<Cue, unknown[]>();
        const entry = <K>(cue: Cue, key: K, keyOf: (lit: string) => K): GateEntry => {
          const expanded = expansions.get(cue);
          if (expanded) {
            let keys = keysOf.get(cue) as K[] | undefined;
            if (!keys) keysOf.set(cue, (keys = expanded.map(keyOf)));
            const lits = expanded.filter((_, i) => keys[i] === key).map((x) => (cs ? x : x.toLowerCase()));
            // Capitals after every written form: a text matches one or the other, never both.
            if (cs && capitals) {
              for (const x of [...lits]) {
                const u = x.toUpperCase();
                if (u !== x && u.length === x.length && !lits.includes(u)) lits.push(u);
              }
            }
            return { re: null, capitals: false, lits, common: commonStart(lits), cs, bounded: !cjkGate, cue, fam: role(cue), rank: rank.get(cue) as number, keyText: null, starts: null, startsCommon: '', startsSpace: false };
          }
          let re = own.get(cue);
          if (!re) {
            // An unsupported \p{…} still fails compileRules, as when the regex was made here.
            checkPropertyEscapes(cue.pattern);
            own.set(cue, (re = { pattern: cue.pattern, plain: unspaced.get(cue) ?? cue.pattern, tail, flags: `y${flags}`, re: null, low: cs ? null : undefined, upper: undefined, starts: undefined, needs: undefined, gen: 0, may: true }));
          }
          return { re, capitals: cs && capitals, lits: null, common: '', cs, bounded: !cjkGate, cue, fam: role(cue), rank: rank.get(cue) as number, keyText: keyTextOf(key), starts: undefined, startsCommon: '', startsSpace: false };
        };
        const bucket = 1 + this.parts.length;
        const g = this.cands;
        const cand = (e: GateEntry): Cand => ({ bucket, order: bucket * 1e7 + e.rank, lit: null, first: null, entry: e });
        const unitKey = cjkGate ? (x: string) => x.charCodeAt(0) : (x: string) => prefixKey(x.charCodeAt(0), x.charCodeAt(1));
        for (const [k, list] of byPrefix) for (const c of list) pushCand(cjkGate ? g.byUnit : g.byPrefix2, k, cand(entry(c, k, unitKey)));
        const firstWordKey = (x: string) => wordKey((WORD_RUN.exec(x)?.[0] ?? '').toLowerCase());
        for (const [k, list] of byWord) for (const c of list) pushCand(g.byWordKey, k, cand(entry(c, k, firstWordKey)));
        const pairKey = (x: string) => prefixKey(x.charCodeAt(0), x.charCodeAt(1));
        for (const [k, list] of byPair) for (const c of list) pushCand(g.byPair, k, cand(entry(c, k, pairKey)));
        this.parts.push({ re: null, src: '', flags: '', low: null, cues: [], plains: [], fam: fam as string, bounded: !cjkGate, gated: true, cjk: cjkGate, needs: null });
      }
      if (free.length) {
        const src = `(?:${body(free)})${tail}`;
        // An unsupported \p{…} still fails compileRules, as when the regex was made here.
        checkPropertyEscapes(src);
        this.parts.push({ re: null, src, flags: `g${flags}`, low: flags ? undefined : null, cues: free, plains: free.map((c) => unspaced.get(c) ?? c.pattern), fam: fam as string, bounded: bound === 'b', gated: false, cjk: false, needs: undefined });
      }
    }
    const g = this.cands;
    for (const map of [g.byWordKey, g.byPrefix2, g.byUnit, g.byPair] as Array<Map<unknown, Cand[]>>) {
      for (const list of map.values()) list.sort((x, y) => x.order - y.order);
    }
    this.size = cues.length;
  }

  /**
   * Appends every match to `out`; overlapping matches that start at different positions are all
   * kept. `only` limits the regex scan to one family, `skip` leaves one out; literal cues (all
   * families, one cheap pass) are scanned unless `literals` is false. Hits come in a fixed order:
   * literals, then each part (family × case mode) in turn, each by position.
   */
  scan(text: string, out: Hit[], only?: string, skip?: string, literals = true, gramText = text): void {
    (this.own ??= new CueScanner([this])).scan(text, out, only, skip, literals, gramText);
  }
}

/** A candidate of a CueScanner: a set's candidate with its bucket among all the sets' buckets. */
function shifted(c: Cand, set: number, base: number): Cand {
  // Set-major order: a list of one key holds the first set's candidates, then the next set's.
  return { bucket: base + c.bucket, order: set * 1e10 + c.order, lit: c.lit, first: c.first, entry: c.entry };
}

/**
 * A set's candidate lists added to a scanner's: the first set's are its own lists, shared (its
 * buckets and order need no shift, and no list is changed once made); a later set's are shifted
 * and follow those of the same key. A scanner per language then costs that language's candidates,
 * not another copy of the common lexicon's.
 */
function addCands<K>(into: Map<K, Cand[]>, from: Map<K, Cand[]>, si: number, base: number): void {
  for (const [k, list] of from) {
    if (si === 0) into.set(k, list);
    else into.set(k, [...(into.get(k) ?? []), ...list.map((c) => shifted(c, si, base))]);
  }
}

/**
 * A word key's candidates split by what they need of the word: literals are tried only where the
 * word is exactly their first word (Cand.first), so each first word gets its own list (its
 * literals and the key's other candidates, in order), and a word that is the first word of no
 * literal gets the others alone. The same candidates are tried in the same order as in the key's
 * whole list, less those that would be skipped at once: most of a key's literals, at most words.
 */
interface WordNode {
  /** The key's candidates that are not literals keyed by a first word; null when none. */
  any: Cand[] | null;
  /** Per first word of the key's literals: its literals and `any`, in order; null when the key has no such literal. */
  words: Map<string, Cand[]> | null;
}

function wordNode(list: Cand[]): WordNode {
  const any = list.filter((c) => c.first === null);
  let words: Map<string, Cand[]> | null = null;
  for (const c of list) {
    const w = c.first;
    if (w === null) continue;
    words ??= new Map();
    if (!words.has(w)) words.set(w, list.filter((x) => x.first === null || x.first === w));
  }
  return { any: any.length ? any : null, words };
}

/**
 * One or more cue sets scanned together: their candidates in one index, so a text's words and
 * CJK positions are walked once for all of them (the common lexicon and a language's, every
 * family), with one lookup per word. Hits are kept per bucket (a set's literals, each of its parts)
 * and handed out in the sets' own order, so the result is the sets' scans one after the other.
 */
export class CueScanner {
  private readonly sets: CueSet[];
  /** Bucket of each set's literals; its parts' buckets follow. */
  private readonly base: number[] = [];
  private readonly nBuckets: number;
  private readonly cands: CandMaps = candMaps(true);
  private readonly hasWordCands: boolean;
  private readonly hasUnitCands: boolean;
  /** The word-key candidates whose key is ASCII, by asciiKey: no string built or hashed per word. */
  private readonly byAsciiKey = new Map<number, WordNode>();
  /** The others (keys with a non-ASCII letter), by wordKey. */
  private readonly byOtherKey = new Map<string, WordNode>();
  /** Merged candidate lists of a word key and a prefix, made once per pair. */
  private readonly merged = new Map<Cand[], Map<Cand[], Cand[]>>();
  /**
   * Hits per bucket for the last text scanned (the classifier scans one text in two calls): one
   * array per bucket, emptied for each new text rather than made anew (their hits are copied out).
   */
  private lastText: string | null = null;
  private readonly hits: Hit[][] = [];
  /** Per bucket: whether `hits` holds its hits for lastText (an ungated part is scanned on first request). */
  private readonly filled: Uint8Array;
  private walked = false;

  constructor(sets: CueSet[]) {
    this.sets = sets;
    let n = 0;
    sets.forEach((set, si) => {
      const base = n;
      this.base.push(base);
      n += 1 + set.parts.length;
      const from = set.cands;
      const into = this.cands;
      addCands(into.byWordKey, from.byWordKey, si, base);
      addCands(into.byPrefix2, from.byPrefix2, si, base);
      addCands(into.byUnit, from.byUnit, si, base);
      addCands(into.byPair, from.byPair, si, base);
      for (const k of from.byUnit.keys()) into.unitStarts[k] = 1;
      // Pair keys are prefixKey(a, b) = lowerUnit(a) << 16 | lowerUnit(b); CJK units have no case.
      for (const k of from.byPair.keys()) into.unitStarts[k >>> 16] = 1;
    });
    this.nBuckets = n;
    for (let b = 0; b < n; b++) this.hits.push([]);
    this.filled = new Uint8Array(n);
    for (const [k, list] of this.cands.byWordKey) {
      const a = asciiKeyOf(k);
      if (a >= 0) this.byAsciiKey.set(a, wordNode(list));
      else this.byOtherKey.set(k, wordNode(list));
    }
    this.hasWordCands = this.cands.byWordKey.size > 0 || this.cands.byPrefix2.size > 0;
    this.hasUnitCands = this.cands.byUnit.size > 0 || this.cands.byPair.size > 0;
    // Read through byAsciiKey and byOtherKey from here on.
    this.cands.byWordKey.clear();
  }

  /**
   * As CueSet.scan, for each set in turn. `gramText`: a text whose lower-cased form holds every
   * required string `text`'s does (the text itself, or the unmasked text of a masked one): an
   * ungated part none of whose required strings it can hold is not run.
   */
  scan(text: string, out: Hit[], only?: string, skip?: string, literals = true, gramText = text): void {
    if (this.lastText !== text) {
      this.lastText = text;
      this.filled.fill(0);
      this.walked = false;
    }
    // One walk fills every set's literal and gated buckets, whichever this call wants: the hits
    // of a bucket do not depend on which others are filled with it.
    if (!this.walked) {
      this.walked = true;
      this.walk(text);
    }
    const hits = this.hits;
    for (let si = 0; si < this.sets.length; si++) {
      const base = this.base[si] as number;
      if (literals) for (const h of hits[base] as Hit[]) out.push(h);
      const parts = (this.sets[si] as CueSet).parts;
      for (let j = 0; j < parts.length; j++) {
        const p = parts[j] as Part;
        if ((only && p.fam !== only) || (skip && p.fam === skip)) continue;
        const b = base + 1 + j;
        const list = hits[b] as Hit[];
        if (this.filled[b] === 0) {
          this.filled[b] = 1;
          list.length = 0;
          if (partMayMatch(p, gramText)) scanFree(p, text, list);
        }
        for (const h of list) out.push(h);
      }
    }
  }

  private walk(text: string): void {
    const hits = this.hits;
    const filled = this.filled;
    for (let si = 0; si < this.sets.length; si++) {
      const base = this.base[si] as number;
      (hits[base] as Hit[]).length = 0;
      filled[base] = 1;
      const parts = (this.sets[si] as CueSet).parts;
      for (let j = 0; j < parts.length; j++) {
        if ((parts[j] as Part).gated) {
          (hits[base + 1 + j] as Hit[]).length = 0;
          filled[base + 1 + j] = 1;
        }
      }
    }
    if (!this.hasWordCands && !this.hasUnitCands) return;
    const tk = tokensOf(text);
    const g = this.cands;
    if (this.hasWordCands) {
      const byAscii = this.byAsciiKey;
      const byOther = this.byOtherKey;
      const byPrefix2 = g.byPrefix2.size ? g.byPrefix2 : null;
      for (let t = 0; t < tk.n; t++) {
        const key = asciiKeyAt(text, tk.starts[t] as number, tk.ends[t] as number);
        const node = key >= 0 ? byAscii.get(key) : byOther.size ? byOther.get(tokenKey(tk, t)) : undefined;
        const a = node === undefined ? null : node.words !== null ? (node.words.get(lowerToken(tk, t)) ?? node.any) : node.any;
        const b = byPrefix2 ? byPrefix2.get(tk.keys[t] as number) : undefined;
        const list = a && b ? this.mergedOf(a, b) : (a ?? b);
        if (list) this.tryAll(tk, t, tk.starts[t] as number, list);
      }
    }
    if (this.hasUnitCands) {
      const starts = g.unitStarts;
      const byPair = g.byPair.size ? g.byPair : null;
      const cjkAt = tk.cjk;
      for (let k = 0; k < tk.nCjk; k++) {
        const at = cjkAt[k] as number;
        const ch = text.charCodeAt(at);
        if (starts[ch] === 0) continue;
        const a = g.byUnit.get(ch);
        const b = byPair && at + 1 < text.length ? byPair.get(prefixKey(ch, text.charCodeAt(at + 1))) : undefined;
        const list = a && b ? this.mergedOf(a, b) : (a ?? b);
        if (list) this.tryAll(tk, -1, at, list);
      }
    }
  }

  /**
   * Whether a regex cue may match somewhere in the text: false when the text lacks every string
   * one of which each of its matches contains. Most regex cues tried at a word fail for that
   * reason (their other words are not in the text), and their regexes are then neither built
   * (a first pass compiles far fewer) nor run. Answered once per cue and text.
   */
  private mayMatch(l: LazyRe, text: string): boolean {
    if (l.needs === undefined) {
      const sets = requiredStringSets(l.plain);
      l.needs = sets && needProgram(sets);
    }
    if (l.needs === null) return true;
    const g = textGrams(text);
    if (l.gen !== g.gen) {
      l.gen = g.gen;
      l.may = mayContainProgram(g, l.needs);
    }
    return l.may;
  }

  private mergedOf(a: Cand[], b: Cand[]): Cand[] {
    let inner = this.merged.get(a);
    if (!inner) this.merged.set(a, (inner = new Map()));
    let list = inner.get(b);
    if (!list) inner.set(b, (list = mergeCands(a, b)));
    return list;
  }

  private tryAll(tk: Tokens, t: number, at: number, list: Cand[]): void {
    const text = tk.text;
    const hits = this.hits;
    for (const c of list) {
      const out = hits[c.bucket] as Hit[];
      const lit = c.lit;
      if (lit) {
        if (c.first !== null && lowerToken(tk, t) !== c.first) continue;
        const stop = tryLiteral(tk, at, lit);
        if (stop >= 0) out.push({ cue: lit.cue, fam: lit.fam, start: at, end: stop, text: text.slice(at, stop) });
        continue;
      }
      const e = c.entry as GateEntry;
      if (e.lits) {
        const end = matchLiteralAt(tk, at, e);
        if (end >= 0) out.push({ cue: e.cue, fam: e.fam, start: at, end, text: text.slice(at, end) });
        continue;
      }
      const lazy = e.re as LazyRe;
      if (!startsAt(tk, at, e) || !this.mayMatch(lazy, text)) continue;
      // Sticky: a match starts at `at` and ends at lastIndex, so test() (no match array) is enough.
      // A case-insensitive cue runs without "i" on the lower-cased text when it can (lowered.ts):
      // the same offsets, and half the regex code to compile.
      const lower = lazy.low === null ? null : regexLower(tk);
      const low = lower === null ? null : lowRe(lazy, lower);
      let end: number;
      if (low !== null) {
        low.lastIndex = at;
        end = low.test(lower as string) ? low.lastIndex : -1;
      } else {
        const one = lazyRe(lazy, text);
        one.lastIndex = at;
        end = one.test(text) ? one.lastIndex : -1;
      }
      if (end < 0 && e.capitals) {
        const up = upperRe(lazy, text);
        if (up) {
          up.lastIndex = at;
          if (up.test(text)) end = up.lastIndex;
        }
      }
      if (end >= 0) out.push({ cue: e.cue, fam: e.fam, start: at, end, text: text.slice(at, end) });
    }
  }
}

/** Above this many start strings a regex cue is not pre-checked; starts are cut at this length. */
const MAX_STARTS = 64;
const MAX_START_LEN = 16;

/**
 * Lower-cased strings one of which every match of a (spaced) pattern starts with, each as long as
 * the pattern's start is plain (literals, plain character lists, (?:…) groups, "?"), up to
 * MAX_START_LEN, and only of characters that match themselves lower-cased under case folding
 * (ASCII and caseless CJK, as in requiredStrings); whitespace stands as one space. Null when some
 * match's start cannot be told at all.
 */
export function startStrings(pattern: string): string[] | null {
  const src = pattern.split(WS).join(' ').split(WS_OPT).join(' ?');
  const out = new Set<string>();
  let known = true;
  const add = (acc: string): boolean => {
    if (!acc) known = false;
    else out.add(acc);
    return known && out.size <= MAX_STARTS;
  };
  const walk = (r: PatternRest | null, i: number, acc: string, budget: { n: number }): boolean => {
    if (--budget.n < 0) return false;
    while (r !== null && i >= r.end) {
      r = r.next;
      if (r !== null) i = r.i;
    }
    if (acc.length >= MAX_START_LEN || r === null) return add(acc);
    const head = headAt(r, i);
    if (!head) return add(acc);
    const { source, atoms, group, optional, rest, restAt } = head;
    if (optional && !walk(rest, restAt, acc, budget)) return false;
    if (group) return eachAlternative(source, group, rest, restAt, (r, i) => walk(r, i, acc, budget));
    for (const a of atoms as string[]) {
      const c = a.charCodeAt(0);
      if (c !== 32 && !caselessOrAscii(c)) {
        if (!add(acc)) return false;
      } else if (!walk(rest, restAt, acc + a.toLowerCase(), budget)) return false;
    }
    return true;
  };
  for (const alt of alternatives(src)) if (!walk({ s: alt, i: 0, end: alt.length, next: null }, 0, '', { n: 5000 })) return null;
  return known ? [...out] : null;
}

/**
 * Whether a regex cue may match at `at`: the lower-cased text starts there with one of its start
 * strings. A space in a start string stands for the regex's whitespace run, which is exactly one
 * space in a collapsed text only; in another text (and in one whose lower-casing moves offsets)
 * the regex decides.
 */
function startsAt(tk: Tokens, at: number, e: GateEntry): boolean {
  if (e.starts === undefined) {
    const l = e.re as LazyRe;
    if (l.starts === undefined) l.starts = startStrings(l.plain);
    // Where the entry is tried the text starts with its key's letters: a start that disagrees
    // with them (neither extends them nor is a prefix of them) cannot be there.
    const k = e.keyText;
    e.starts = l.starts === null || k === null ? l.starts : l.starts.filter((x) => x.startsWith(k) || k.startsWith(x));
    e.startsSpace = e.starts !== null && e.starts.some((x) => x.includes(' '));
    e.startsCommon = e.starts === null ? '' : commonStart(e.starts);
  }
  const starts = e.starts;
  if (starts === null) return true;
  const lower = lowerText(tk);
  if (lower === null || (e.startsSpace && !collapsed(tk))) return true;
  // Each start begins with startsCommon: checked once, then each start from its end (speed11).
  const from = e.startsCommon.length;
  if (from > 0 && !hasAt(lower, e.startsCommon, at)) return false;
  for (const x of starts) if (restAt(lower, at, x, from)) return true;
  return false;
}

/**
 * The letters a candidate key stands for, lower-cased (a word key without its "=", a prefix or
 * pair key's two characters, a CJK position's character), or null when one of them is neither
 * ASCII nor caseless: there the key's lower-casing and the text's might differ.
 */
function keyTextOf(key: unknown): string | null {
  const s = typeof key === 'string'
    ? (key.startsWith('=') ? key.slice(1) : key)
    : (key as number) >= 0 && (key as number) < 65536 ? String.fromCharCode(key as number) : String.fromCharCode((key as number) >>> 16, (key as number) & 0xffff);
  for (let i = 0; i < s.length; i++) if (!caselessOrAscii(s.charCodeAt(i))) return null;
  return s;
}

/** Whether every whitespace character of the text is a plain space with no other next to it. */
function collapsed(tk: Tokens): boolean {
  if (tk.collapsed === undefined) {
    const text = tk.text;
    let ok = true;
    for (let i = 0; i < text.length && ok; i++) {
      const c = text.charCodeAt(i);
      if (IS_WS[c] === 1 && (c !== 32 || IS_WS[text.charCodeAt(i + 1)] === 1)) ok = false;
    }
    tk.collapsed = ok;
  }
  return tk.collapsed;
}

/** The code units of WS_CLASS. */
const IS_WS = new Uint8Array(65537);
for (const c of [9, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) IS_WS[c] = 1;
IS_WS.fill(1, 0x2000, 0x200b);

/** The required strings of a pattern as Needs, or null when it has none. */
function needsOf(pattern: string): Need[] | null {
  const req = requiredStrings(pattern, true);
  return req && req.map(needOfString);
}

/** Whether an ungated part may match in the text: some cue of it may (see CueScanner.mayMatch). */
function partMayMatch(p: Part, text: string): boolean {
  if (p.needs === undefined) {
    const all: Need[] = [];
    for (const plain of p.plains) {
      const n = needsOf(plain);
      if (n === null) {
        p.needs = null;
        return true;
      }
      all.push(...n);
    }
    p.needs = needList(all);
  }
  return p.needs === null || mayContainIn(textGrams(text), p.needs);
}

/**
 * The source an ungated part's regex is built from, before withoutUnicodeEscapes (fastRegExp):
 * for the lower-cased text when `lowered` (null when the part keeps "i": a case-sensitive part or
 * a pattern lowered.ts does not rewrite), else as written. Exported so that scan-cost.test.ts
 * judges the regex that runs, not each cue rewritten alone.
 */
export function partSource(p: Part, lowered: boolean): string | null {
  if (!lowered) return openLookbehinds(p.src);
  if (!p.flags.includes('i')) return null;
  const t = loweredTail(p.bounded ? `(?!${WORD_CHAR})` : '');
  if (t === null) return null;
  const body: string[] = [];
  for (let k = 0; k < p.plains.length; k++) {
    const l = loweredPattern(p.plains[k] as string, (p.cues[k] as Cue).pattern);
    if (l === null) return null;
    body.push(`(${l})`);
  }
  return openLookbehinds(`(?:${body.join('|')})${t}`);
}

/** A case-insensitive part's regex for the lower-cased text (see Part.low), or null. */
function lowPartRe(p: Part, lower: string): RegExp | null {
  if (p.low === undefined) {
    const src = partSource(p, true);
    p.low = src === null ? null : fastRegExp(src, 'g', isWide(lower));
  }
  return p.low;
}

/** The matches of an ungated part, appended to `out`: its alternation regex run over the whole text. */
function scanFree(p: Part, text: string, out: Hit[]): void {
  // Built with its leading lookbehinds moved past their literal heads (lookbehind.ts): the same
  // matches, without a backward scan at every position of the text.
  const lower = p.low === null ? null : regexLowerOfText(text);
  const low = lower === null ? null : lowPartRe(p, lower);
  const re = low ?? (p.re ??= fastRegExp(partSource(p, false) as string, p.flags, isWide(text)));
  // The lower-cased text when the part's regex runs on it (same offsets), else the text.
  const subject = low !== null ? (lower as string) : text;
  const { cues, bounded } = p;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(subject)) !== null) {
    if (bounded && m.index > 0 && isWordCharAt(text, m.index - 1)) {
      re.lastIndex = m.index + 1;
      continue;
    }
    let g = 1;
    while (g < m.length && m[g] === undefined) g++;
    const cue = cues[g - 1];
    const matched = m[g] ?? m[0];
    const end = m.index + matched.length;
    if (cue) out.push({ cue, fam: role(cue), start: m.index, end, text: low !== null ? text.slice(m.index, end) : matched });
    // Step one character, not past the match: "will ban" and "ban" are both cues.
    re.lastIndex = m.index + 1;
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

/**
 * A lexicon whose cue set is built on first use (speed12): an item needs the common lexicon's cues
 * and its own language's, so a cold start that reads one or two languages no longer builds the
 * other ~38 cue sets (≈60% of createClassifier). Only for rules compiled without validation (the
 * bundled ones, checked by the test suite): validated rules are built at once, so that a bad
 * pattern still fails compileRules. Built unchecked, as compileRules would have built it.
 */
class DeferredLexicon implements CompiledLexicon {
  private set: CueSet | null = null;
  constructor(readonly lexicon: Lexicon, readonly stopwords: RegExp | null, private build: (() => CueSet) | null) {}
  get cues(): CueSet {
    if (this.set === null) {
      const before = checkPatterns;
      checkPatterns = false;
      try {
        this.set = (this.build as () => CueSet)();
      } finally {
        checkPatterns = before;
      }
      this.build = null;
    }
    return this.set;
  }
}

/** A regex of which only test() is used, built on first test: most country-map words are never tried in a run. */
export interface Tester {
  test(s: string): boolean;
}

class LazyTester implements Tester {
  private re: RegExp | null = null;
  constructor(private readonly src: string, private readonly flags: string) {}
  test(s: string): boolean {
    return (this.re ??= fastRegExp(this.src, this.flags)).test(s);
  }
}

export interface CompiledRules {
  rules: Rules;
  /** Per cue id with a countryMap: [code, word regex] pairs, tried in order on the matched text. */
  countryMaps: Map<string, Array<[string, Tester]>>;
  /** The same maps, case-insensitive, for matches written in capitals ("SWEDISH GOVERNMENT"). */
  countryMapsUpper: Map<string, Array<[string, Tester]>>;
  lexicons: Map<string, CompiledLexicon>;
  common: CompiledLexicon | null;
  vendors: CueSet;
  vendorPatterns: VendorPatternSet;
  latinLanguages: string[];
  /** Per language: the common lexicon's cues and the language's scanned together (built on first use). */
  scanners: Map<string, CueScanner>;
}

/**
 * The common lexicon's and a language's cues as one scanner: its scan(text, out, …) appends what
 * the common set's scan and then the language's would, with one walk over the text.
 */
export function cueScanner(c: CompiledRules, lang: string): CueScanner {
  let s = c.scanners.get(lang);
  if (!s) {
    const sets: CueSet[] = [];
    if (c.common) sets.push(c.common.cues);
    const lex = c.lexicons.get(lang);
    if (lex) sets.push(lex.cues);
    s = new CueScanner(sets);
    c.scanners.set(lang, s);
  }
  return s;
}

function vendorCues(rules: Rules): VendorCue[] {
  const out: VendorCue[] = [];
  for (const [canonical, aliases] of Object.entries(rules.vendors)) {
    const seen = new Set<string>();
    const names = [canonical, ...aliases];
    for (const alias of names) {
      const forms = hasCjk(alias) || /[\u0400-\u04ff]/.test(alias)
        ? [alias]
        // Proper names match case-sensitively ("Apple", not "apple"), plus the all-caps and
        // capitalised spellings headlines use ("HUAWEI", "Tiktok").
        : [alias, alias.toUpperCase(), alias.charAt(0).toUpperCase() + alias.slice(1).toLowerCase()];
      // An inflected alias also in the spelling of the name it inflects: "Tiktokin" -> "TikTokin".
      if (forms.length > 1) {
        for (const base of names) {
          if (base.length < alias.length && base !== alias && /^\p{L}+$/u.test(alias.slice(base.length)) &&
            alias.toLowerCase().startsWith(base.toLowerCase()) && !alias.startsWith(base)) forms.push(base + alias.slice(base.length));
        }
      }
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
/** {V} as compiled: the mark and the padding spaces of the name it stands for (see compilePatterns). */
const MARK_PAD = `${VENDOR_MARK}\\x20*`;

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
      pattern: p.pattern.replaceAll('{V}', MARK_PAD),
      ...(p.noise !== undefined ? { noise: p.noise } : {}),
      ...(p.reason !== undefined ? { reason: p.reason } : {}),
      ...(p.bodyFactor !== undefined ? { bodyFactor: p.bodyFactor } : {}),
      ...(p.answer ? { answer: true } : {}),
      ...(p.stage !== undefined ? { stage: p.stage, sw: p.sw ?? 1 } : {}),
      ...(p.restrict !== undefined ? { restrict: p.restrict } : {}),
      ...(p.precedent ? { precedent: true } : {}),
    });
  }
  return new VendorPatternSet(cues);
}

/**
 * Bits of the piece hashes. A text of a few hundred characters fills a few percent of 2^12 slots,
 * so a string of two or more pieces is seldom let through by accident (and then the regex decides);
 * the two texts' tables (16 kB each) stay in the first-level cache, where 2^16 slots (256 kB) did not.
 */
const GRAM_BITS = 12;

/** Hash of a three-unit piece of lower-cased text (GRAM_BITS bits). */
function gramHash(a: number, b: number, c: number): number {
  return Math.imul((a << 10) ^ (b << 5) ^ c ^ (a >>> 6), 0x9e3779b1) >>> (32 - GRAM_BITS);
}

/** A required string (lower-cased) and its three-letter pieces, hashed (none when shorter). */
interface Need {
  text: string;
  pieces: number[];
}

function needOfString(s: string): Need {
  const pieces: number[] = [];
  for (let i = 0; i + 2 < s.length; i++) pieces.push(gramHash(s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2)));
  return { text: s, pieces };
}

/**
 * Which hashed pieces occur in a lower-cased text: table[h] holds the number of the text that last
 * had piece h (no clearing between texts). Two slots, like the token cache: a text and its masked
 * copy are read in turn.
 */
interface Grams {
  text: string | null;
  lower: string;
  gen: number;
  table: Uint32Array;
  /** The same for two-unit pieces (pairHash), filled on first need of a two-character string; pairsGen tells for which text. */
  pairs: Uint32Array;
  pairsGen: number;
}
const gramSlots: [Grams, Grams] = [
  { text: null, lower: '', gen: 0, table: new Uint32Array(1 << GRAM_BITS), pairs: new Uint32Array(1 << GRAM_BITS), pairsGen: 0 },
  { text: null, lower: '', gen: 0, table: new Uint32Array(1 << GRAM_BITS), pairs: new Uint32Array(1 << GRAM_BITS), pairsGen: 0 },
];

/** Hash of a two-unit piece of lower-cased text (GRAM_BITS bits). */
function pairHash(a: number, b: number): number {
  return Math.imul((a << 7) ^ b, 0x9e3779b1) >>> (32 - GRAM_BITS);
}

/** Whether the text's lower-cased form may hold the two units a, b in a row (false: it does not). */
function mayHavePair(g: Grams, a: number, b: number): boolean {
  if (g.pairsGen !== g.gen) {
    g.pairsGen = g.gen;
    const l = g.lower;
    const pairs = g.pairs;
    for (let i = 1; i < l.length; i++) pairs[pairHash(l.charCodeAt(i - 1), l.charCodeAt(i))] = g.gen;
  }
  return g.pairs[pairHash(a, b)] === g.gen;
}
let gramsGen = 0;

function textGrams(text: string): Grams {
  const [a, b] = gramSlots;
  if (a.text === text) return a;
  if (b.text === text) return b;
  // Reuse the older slot; the newer one moves first.
  const g = b;
  gramSlots[0] = g;
  gramSlots[1] = a;
  g.text = text;
  const gen = (g.gen = ++gramsGen);
  const l = (g.lower = lowerOfText(text) ?? text.toLowerCase());
  const table = g.table;
  let x = l.charCodeAt(0);
  let y = l.charCodeAt(1);
  for (let i = 2; i < l.length; i++) {
    const z = l.charCodeAt(i);
    table[gramHash(x, y, z)] = gen;
    x = y;
    y = z;
  }
  return g;
}

/**
 * Whether the text may contain one of the strings whose pieces are given: false only when each
 * string lacks a piece in the text, and then no match that needs one of them is possible.
 */
function mayContain(text: string, needs: NeedList): boolean {
  return mayContainIn(textGrams(text), needs);
}

/**
 * A pattern's alternatives of sets of required strings (requiredStringSets) as one flat program:
 * mayContainProgram walks it with integer reads only. Every regex cue tried at a word is asked
 * this once per text, and most of its ~40 strings fail on their first piece, so the nested arrays
 * and per-set calls it replaces cost more than the lookups themselves.
 *
 *   program  = nAlts, alt*
 *   alt      = end of alt, set*            (ends are absolute offsets in the program)
 *   set      = end of set, need*
 *   need     = nPieces, piece*             a string of 3+ characters: its pieces (needOfString)
 *            | -1 - k                      a shorter one: `strings[k]`, looked up whole
 */
interface NeedProgram {
  code: Int32Array;
  strings: string[];
}

function needProgram(alts: string[][][]): NeedProgram {
  const code: number[] = [alts.length];
  const strings: string[] = [];
  for (const sets of alts) {
    const altAt = code.length;
    code.push(0);
    for (const set of sets) {
      const setAt = code.length;
      code.push(0);
      for (const s of set) {
        const n = needOfString(s);
        if (n.pieces.length === 0) {
          code.push(-1 - strings.length);
          strings.push(s);
        } else code.push(n.pieces.length, ...n.pieces);
      }
      code[setAt] = code.length;
    }
    code[altAt] = code.length;
  }
  return { code: Int32Array.from(code), strings };
}

/**
 * Whether some alternative may match in the text: one whose every set of required strings may be
 * there (one of the set's strings may be: mayContainIn). The cues tried at a word often share their
 * first word with the text and need a second one it lacks ("will … fund", "setzt … aus"): their
 * regexes are neither built nor run.
 */
function mayContainProgram(g: Grams, p: NeedProgram): boolean {
  const code = p.code;
  const { gen, table } = g;
  let i = 0;
  const nAlts = code[i++] as number;
  for (let a = 0; a < nAlts; a++) {
    const altEnd = code[i++] as number;
    let all = true;
    while (i < altEnd) {
      const setEnd = code[i++] as number;
      let found = false;
      while (i < setEnd && !found) {
        const n = code[i++] as number;
        if (n < 0) {
          const s = p.strings[-1 - n] as string;
          // As in mayContainIn: a two-unit string only where its two units occur.
          found = (s.length !== 2 || mayHavePair(g, s.charCodeAt(0), s.charCodeAt(1))) && g.lower.includes(s);
          continue;
        }
        let k = 0;
        while (k < n && table[code[i + k] as number] === gen) k++;
        found = k === n;
        i += n;
      }
      if (!found) {
        all = false;
        break;
      }
      i = setEnd;
    }
    if (all) return true;
    i = altEnd;
  }
  return false;
}

/**
 * Strings one of which a text must hold, flat (speed20): `code` = (nPieces, piece*)* for strings of
 * three or more units (needOfString), -1 - k for a shorter one, `strings[k]`, looked up whole. The
 * ~160 k asks of a bench pass (ungated parts, anchored vendor patterns) read ~19 strings each: one
 * integer array instead of an object and a pieces array per string.
 */
interface NeedList {
  code: Int32Array;
  strings: string[];
}

function needList(needs: Need[]): NeedList {
  const code: number[] = [];
  const strings: string[] = [];
  for (const n of needs) {
    if (n.pieces.length === 0) {
      code.push(-1 - strings.length);
      strings.push(n.text);
    } else code.push(n.pieces.length, ...n.pieces);
  }
  return { code: Int32Array.from(code), strings };
}

/** mayContain on a text's grams: whether one of the strings may be there (all its pieces are). */
function mayContainIn(g: Grams, needs: NeedList): boolean {
  const { gen, table, lower } = g;
  const code = needs.code;
  for (let i = 0; i < code.length; ) {
    const n = code[i++] as number;
    if (n < 0) {
      const s = needs.strings[-1 - n] as string;
      // Too short to have pieces (two CJK characters): looked up whole where its two units occur.
      if ((s.length !== 2 || mayHavePair(g, s.charCodeAt(0), s.charCodeAt(1))) && lower.includes(s)) return true;
      continue;
    }
    let k = 0;
    while (k < n && table[code[i + k] as number] === gen) k++;
    if (k === n) return true;
    i += n;
  }
  return false;
}

/**
 * Vendor patterns that start with {V} are tried only where a vendor is (sticky regexes at each
 * mark); the others ("allows {V}") are scanned normally, and only when a vendor was found.
 */
export class VendorPatternSet {
  /**
   * `needs`: strings one of which any match contains (requiredStrings), so the pattern is skipped
   * for items without any; `nonCjk`: those of them without a CJK unit (the others cannot occur in a
   * text without CJK; since speed18 required strings also hold accented Latin, Greek and Cyrillic
   * letters: requirable).
   */
  private readonly anchored: Array<{ cue: Cue; re: RegExp; atStart: boolean; needs: NeedList | null; nonCjk: NeedList }> = [];
  private readonly rest: CueSet;

  constructor(cues: Cue[]) {
    const rest: Cue[] = [];
    for (const raw of cues) {
      validatePattern(raw.id, spaces(raw.pattern));
      const c = shaped(raw, foldPattern(raw.pattern));
      const atStart = c.pattern.startsWith(`^${VENDOR_MARK}`);
      if (atStart || c.pattern.startsWith(VENDOR_MARK)) {
        const src = spaces(atStart ? c.pattern.slice(1) : c.pattern);
        const needs = requiredStrings(c.pattern);
        const nonCjk = (needs ?? []).filter((n) => !hasCjkUnit(n));
        this.anchored.push({ cue: c, re: fastRegExp(`(?:${src})(?!${WORD_CHAR})`, 'iy'), atStart, needs: needs && needList(needs.map(needOfString)), nonCjk: needList(nonCjk.map(needOfString)) });
      } else rest.push(c);
    }
    // Not gated: its text is the masked copy, and tokenising that too would cost more than it saves.
    this.rest = new CueSet(rest, true, false, false);
  }

  /**
   * `text`: the unmasked text, when known. Its lower-cased form contains every required string
   * the masked text's does (masking only blanks vendor names, and required strings hold no mark
   * and no space). A pattern none of whose required strings can be there (one of each string's
   * three-letter pieces is missing from the text) is not run; the regex decides the rest.
   */
  scan(masked: string, out: Hit[], text?: string): void {
    let cjk: boolean | null = null;
    const present: Array<boolean | undefined> = [];
    for (let i = masked.indexOf(VENDOR_MARK); i >= 0; i = masked.indexOf(VENDOR_MARK, i + 1)) {
      for (let k = 0; k < this.anchored.length; k++) {
        const { cue, re, atStart, needs, nonCjk } = this.anchored[k] as (typeof this.anchored)[number];
        if (atStart && i !== 0) continue;
        if (needs) {
          let found = present[k];
          if (found === undefined) {
            // Masking only blanks vendor names: the masked text has CJK characters where the text has.
            cjk ??= tokensOf(text ?? masked).nCjk > 0;
            present[k] = found = mayContain(text ?? masked, cjk ? needs : nonCjk);
          }
          if (!found) continue;
        }
        re.lastIndex = i;
        const m = re.exec(masked);
        if (m) out.push({ cue, fam: 'vendor', start: i, end: i + m[0].length, text: m[0] });
      }
    }
    // Gated by the unmasked text's required strings (see above): no second table of pieces for the masked copy.
    this.rest.scan(masked, out, undefined, undefined, true, text ?? masked);
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

export function compileRules(rules: Rules, opts: { validate?: boolean } = {}): CompiledRules {
  const before = checkPatterns;
  checkPatterns = opts.validate ?? true;
  try {
    return compile(rules);
  } finally {
    checkPatterns = before;
  }
}

function compile(rules: Rules): CompiledRules {
  const lexicons = new Map<string, CompiledLexicon>();
  const countryMaps = new Map<string, Array<[string, Tester]>>();
  const countryMapsUpper = new Map<string, Array<[string, Tester]>>();
  let common: CompiledLexicon | null = null;
  const latinLanguages: string[] = [];
  for (const [code, lexicon] of Object.entries(rules.lexicons)) {
    if (lexicon.language !== code) throw new RuleError(`lexicon ${code}: language field says ${lexicon.language}`);
    const byId = new Map(lexicon.cues.map((c) => [c.id, c] as const));
    const cues = lexicon.cues.map((c) => (c.countryMapOf ? withSharedCountryMap(c, byId.get(c.countryMapOf)) : c));
    const names = rules.countryNames[code] ?? {};
    for (const [country, list] of Object.entries(names)) {
      for (const name of list) {
        // "^Name": a name that is more often something else counts only opening the headline.
        const bare = name.replace(/^\^/, '');
        const gen = lexicon.nameGenitive && !/[sßxz]$/i.test(bare) ? `(?:${escapeRe(lexicon.nameGenitive)})?` : '';
        const pattern = `${name.startsWith('^') ? '^' : ''}${escapeRe(bare)}${gen}`;
        cues.push({ id: `country-name.${code}.${country}.${name.replace(/^\^/, '')}`, pattern, cs: true, country, cw: 2 });
      }
    }
    const ids = new Set<string>();
    for (const c of cues) {
      if (c.countryMap) {
        countryMaps.set(c.id, Object.entries(c.countryMap).map(([code, words]) => {
          validatePattern(`${c.id}.${code}`, words);
          // An unsupported \p{…} still fails compileRules, as when the regex was made here.
          checkPropertyEscapes(words);
          return [code, new LazyTester(`(?:${foldPattern(words)})`, c.cs ? '' : 'i')] as [string, Tester];
        }));
        countryMapsUpper.set(c.id, Object.entries(c.countryMap).map(([code, words]) => [code, new LazyTester(`(?:${foldPattern(words)})`, 'i')] as [string, Tester]));
      }
      if (!c.id) throw new RuleError(`lexicon ${code}: a cue has no id`);
      if (ids.has(c.id)) throw new RuleError(`lexicon ${code}: duplicate rule id ${c.id}`);
      ids.add(c.id);
    }
    const stop = lexicon.stopwords?.length
      ? nativeRegExp(new RegExp(`(?<![\\p{L}])(?:${lexicon.stopwords.map(escapeRe).join('|')})(?![\\p{L}])`, 'giu'))
      : null;
    const build = (): CueSet => new CueSet(cues, lexicon.script === 'latin', false, true, true);
    const compiled: CompiledLexicon = checkPatterns ? { lexicon, cues: build(), stopwords: stop } : new DeferredLexicon(lexicon, stop, build);
    if (code === 'xx') common = compiled;
    else {
      lexicons.set(code, compiled);
      if (lexicon.script === 'latin') latinLanguages.push(code);
    }
  }
  return {
    rules,
    countryMaps,
    countryMapsUpper,
    lexicons,
    common,
    vendors: new CueSet(vendorCues(rules), true, true),
    vendorPatterns: compilePatterns(rules),
    latinLanguages,
    scanners: new Map(),
  };
}
