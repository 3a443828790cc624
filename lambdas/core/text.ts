/**
 * Plain-text helpers shared by the feed normaliser and the classifier.
 * Pure and fast: linear passes only, no DOM.
 */
import { HANT_PAIRS } from './hant.js';
import { lazyNative } from './native-regex.js';
import readingScope from './reading-scope.json' with { type: 'json' };

/** Named entities seen in real feeds; anything else numeric is handled generically. */
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ensp: ' ', emsp: ' ', thinsp: ' ',
  shy: '', zwnj: '', zwj: '', lrm: '', rlm: '',
  ndash: '\u2013', mdash: '\u2014', hellip: '\u2026', bull: '\u2022', middot: '\u00b7',
  lsquo: '\u2018', rsquo: '\u2019', sbquo: '\u201a', ldquo: '\u201c', rdquo: '\u201d', bdquo: '\u201e',
  laquo: '\u00ab', raquo: '\u00bb', lsaquo: '\u2039', rsaquo: '\u203a',
  copy: '\u00a9', reg: '\u00ae', trade: '\u2122', deg: '\u00b0', euro: '\u20ac', pound: '\u00a3', yen: '\u00a5',
  cent: '\u00a2', sect: '\u00a7', para: '\u00b6', times: '\u00d7', divide: '\u00f7', minus: '\u2212',
  agrave: 'à', aacute: 'á', acirc: 'â', atilde: 'ã', auml: 'ä', aring: 'å', aelig: 'æ', ccedil: 'ç',
  egrave: 'è', eacute: 'é', ecirc: 'ê', euml: 'ë', igrave: 'ì', iacute: 'í', icirc: 'î', iuml: 'ï',
  ntilde: 'ñ', ograve: 'ò', oacute: 'ó', ocirc: 'ô', otilde: 'õ', ouml: 'ö', oslash: 'ø', ugrave: 'ù',
  uacute: 'ú', ucirc: 'û', uuml: 'ü', yacute: 'ý', yuml: 'ÿ', szlig: 'ß',
  Agrave: 'À', Aacute: 'Á', Acirc: 'Â', Atilde: 'Ã', Auml: 'Ä', Aring: 'Å', AElig: 'Æ', Ccedil: 'Ç',
  Egrave: 'È', Eacute: 'É', Ecirc: 'Ê', Euml: 'Ë', Igrave: 'Ì', Iacute: 'Í', Icirc: 'Î', Iuml: 'Ï',
  Ntilde: 'Ñ', Ograve: 'Ò', Oacute: 'Ó', Ocirc: 'Ô', Otilde: 'Õ', Ouml: 'Ö', Oslash: 'Ø', Ugrave: 'Ù',
  Uacute: 'Ú', Ucirc: 'Û', Uuml: 'Ü', Yacute: 'Ý', oelig: 'œ', OElig: 'Œ', scaron: 'š', Scaron: 'Š',
};

function codePoint(n: number): string {
  // Invalid, surrogate or control code points become a space rather than garbage or a throw.
  if (!Number.isFinite(n) || n <= 0 || n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return ' ';
  if (n < 0x20 && n !== 0x09 && n !== 0x0a && n !== 0x0d) return ' ';
  return String.fromCodePoint(n);
}

/** Decodes HTML character references (named, decimal, hex). Unknown names are left as they are. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});?/gi, (m, ref: string) => {
    if (ref[0] === '#') {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      return codePoint(parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10));
    }
    const named = NAMED_ENTITIES[ref] ?? NAMED_ENTITIES[ref.toLowerCase()];
    return named ?? m;
  });
}

/** Tags that end a block of text: they become a space (or a line break), never glue two words. */
const BLOCK_TAGS = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'blockquote',
  'section', 'article', 'header', 'footer', 'figure', 'figcaption', 'hr',
]);
/** Elements whose content is never text a reader sees. */
const HIDDEN_CONTENT = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'object']);
const CLOSERS = new Map([...HIDDEN_CONTENT].map((n) => [n, new RegExp(`</${n}\\s*>`, 'gi')]));

/** Paired CDATA sections unwrapped (their content is markup too); an unpaired opener stays as text. */
function unwrapCdata(s: string): string {
  let at = s.indexOf('<![CDATA[');
  if (at < 0) return s;
  let out = '';
  let last = 0;
  while (at >= 0) {
    const close = s.indexOf(']]>', at + 9);
    // No closer after this opener means none after any later opener either: stop (linear time).
    if (close < 0) break;
    out += s.slice(last, at) + s.slice(at + 9, close);
    last = close + 3;
    at = s.indexOf('<![CDATA[', last);
  }
  return out + s.slice(last);
}

const HIDDEN_OPENER = /<!--|<(?:script|style|noscript|template|iframe|object)(?![A-Za-z0-9_])/gi;
const HIDDEN_OR_OFF_STORY_OPENER = /<!--|<(?:script|style|noscript|template|iframe|object|aside|nav|footer|form|figure|figcaption|button|select|svg)(?![A-Za-z0-9_])/gi;

/** Where the first comment or element that would run to the end (no ">" left to close it) opens, or -1. */
function firstDropToEnd(s: string, from: number, opener: RegExp): number {
  opener.lastIndex = from;
  const m = opener.exec(s);
  return m ? m.index : -1;
}

function isNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Markup removed in one left-to-right pass: comments, hidden elements (script, style…) and tags
 * dropped, block tags turned into `blockSep`. Every search either moves past what it found or
 * proves that nothing of its kind follows, so the pass is linear for any input ("<p" × 100,000
 * with no ">" included). A "<" that starts no tag ("a < b") is kept.
 */
function stripMarkup(s: string, blockSep: string): string {
  let out = '';
  let last = 0;
  // Cached positions of the next ">" and "<" (-1: none left), so no character is searched twice.
  let gt = -2;
  let lt = -2;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) !== 60) continue;
    if (gt === -1) {
      // No ">" after this point: no tag can end. Only an opened comment or hidden element still
      // drops everything after it.
      const drop = firstDropToEnd(s, i, HIDDEN_OPENER);
      if (drop >= 0) {
        out += `${s.slice(last, drop)} `;
        last = n;
      }
      break;
    }
    let repl: string | null = null;
    let end = -1;
    const c1 = s.charCodeAt(i + 1);
    if (c1 === 33 && s.charCodeAt(i + 2) === 45 && s.charCodeAt(i + 3) === 45) {
      const close = s.indexOf('-->', i + 4);
      end = close < 0 ? n : close + 3;
      repl = ' ';
    } else {
      const closing = c1 === 47;
      let j = i + (closing ? 2 : 1);
      const c0 = s.charCodeAt(j);
      if ((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90)) {
        const nameStart = j;
        while (j < n && isNameChar(s.charCodeAt(j))) j++;
        // Longer names are no tag we know: no need to lower-case them.
        const name = j - nameStart <= 10 ? s.slice(nameStart, j).toLowerCase() : '';
        const closer = closing ? undefined : CLOSERS.get(name);
        if (closer) {
          closer.lastIndex = j;
          const m = closer.exec(s);
          end = m ? m.index + m[0].length : n;
          repl = ' ';
        } else {
          if (gt !== -1 && gt < j) gt = s.indexOf('>', j);
          if (BLOCK_TAGS.has(name)) {
            if (gt >= 0) {
              end = gt + 1;
              repl = blockSep;
            }
          } else {
            if (lt !== -1 && lt <= i) lt = s.indexOf('<', i + 1);
            if (gt >= 0 && (lt < 0 || gt < lt)) {
              end = gt + 1;
              repl = '';
            }
          }
        }
      }
    }
    if (repl !== null) {
      out += s.slice(last, i) + repl;
      last = end;
      i = end - 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Anything htmlToText would change besides trimming: markup, entities, controls, runs of or odd whitespace. */
// (/[<&\u0000-\u001f\u007f\u200b\ufeff]|\s\s|[^\S ]/ as a loop over char codes: this runs on every title
// and lead, and a regex of three alternatives tried at each position costs several times more.)
export function needsWork(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 60 || c === 38 || c === 0x7f || c === 0x200b || c === 0xfeff) return true;
    if (WHITE_SPACE[c] === 1 && (c !== 32 || (i + 1 < s.length && WHITE_SPACE[s.charCodeAt(i + 1)] === 1))) return true;
  }
  return false;
}

/** A table over UTF-16 code units: 1 inside the given ranges. */
function unitTable(ranges: Array<[number, number]>): Uint8Array {
  const table = new Uint8Array(65536);
  for (const [a, b] of ranges) table.fill(1, a, b + 1);
  return table;
}

/** JavaScript's \s: WhiteSpace and LineTerminator (tab, LF, VT, FF, CR, the Zs spaces, LS, PS, BOM). */
const WHITE_SPACE = unitTable([[9, 13], [32, 32], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a], [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000], [0xfeff, 0xfeff]]);

/**
 * HTML (or plain text) to one line of plain text: script/style/comments dropped, tags removed,
 * entities decoded, whitespace collapsed. Text that merely contains "<" (e.g. "a < b") survives.
 * Linear in the input's length.
 */
export function htmlToText(input: string | null | undefined): string {
  if (!input) return '';
  let s = String(input);
  // Plain text already clean (what the feed parser stores) costs one scan.
  if (!needsWork(s)) return s.trim();
  if (s.includes('<')) s = stripMarkup(unwrapCdata(s), ' ');
  const encoded = s.includes('&');
  s = decodeEntities(s);
  // Entities can encode tags ("&lt;b&gt;"): a second strip keeps markup out of plain text. Without
  // entities the first pass left no tag behind.
  if (encoded && s.includes('<')) s = s.replace(/<\/?[a-z][^<>]*>/gi, '');
  return s
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * A dateline opening a lead says where the story was filed, not what it reports: "WASHINGTON
 * (Reuters) - ", "FORT DRUM, New York (Reuters) -", "[フォート・ドラム(米ニューヨーク州) 13日 ロイター] -".
 * A place in mixed case needs a known agency ("Huawei Technologies (HWT.UL) said" is no dateline).
 */
const LEAD_DATELINE =
  /^\s*(?:[[【][^\]】]{0,80}[\]】]\s*[-\u2013\u2014]*|\p{Lu}[\p{L} .,'\u2019-]{0,60}\((?:Reuters|AP|AFP|Bloomberg|Kyodo|Xinhua|Yonhap|dpa|ANSA|EFE)\)\s*[-\u2013\u2014]*|\p{Lu}[\p{Lu} .,'-]+\s\([^)]{2,30}\)\s[-\u2013\u2014]|\p{Lu}{2}[\p{Lu} .'-]*,\s\p{Lu}[\p{L} .'-]{0,30}\s[-\u2013\u2014]\s)\s*/u;

/** The lead without the dateline that opens it (see LEAD_DATELINE). */
export function withoutDateline(lead: string): string {
  return lead.replace(LEAD_DATELINE, '');
}

/** Cuts text to at most `max` characters on a code point boundary, with an ellipsis when cut. */
export function truncate(s: string, max: number): string {
  if (s.length <= max) return s;
  let cut = s.slice(0, Math.max(0, max - 1));
  // Do not leave half a surrogate pair.
  if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
  return `${cut}\u2026`;
}

/**
 * Text as the classifier's rules read it, with a map back to the text it came from.
 *
 * - Format characters (Unicode Cf: soft hyphen, zero-width space/joiners, word joiner, bidi
 *   controls, BOM…) are removed: invisible, they only break words ("Hua\u00adwei").
 * - Unicode NFKC folds compatibility forms: full-width Latin and digits (ＴｉｋＴｏｋ, ５Ｇ) to ASCII,
 *   half-width katakana to full width, ligatures, compatibility ideographs. Kept as they are: "…"
 *   (NFKC makes it three full stops, which would end sentences), "™" and "℠" (NFKC glues "TM" to
 *   the name before it) and full-width punctuation (，：（）！？ are the ordinary punctuation of CJK
 *   text, which the rules and sentence splitting read as such).
 * - Curly apostrophes and quotes fold to ' and " (rules are written with the straight ones).
 * - Traditional Chinese characters fold to Simplified ones (hant.ts: 華為 → 华为, 紐西蘭 → 纽西兰),
 *   so one rule reads Taiwanese, Hong Kong and mainland outlets; NFKC would not do this.
 * - Arabic-script spelling variants fold to one letter (ARABIC: Persian ی ک, hamza forms of alef).
 * - The Turkish dotted capital İ folds to I (TURKISH: its lower-case is two units, which no rule meets).
 *
 * Case is not folded: the rules decide where case matters (see compile.ts, upper-case variants).
 * "Original" means the plain text the classifier was given after HTML stripping (what the feed
 * parser stores): evidence quotes it verbatim through `starts`/`ends`, soft hyphens included.
 */
export interface Normalized {
  text: string;
  /** For each character of `text`, where its source starts and ends in the original; null when identical. */
  starts: Int32Array | null;
  ends: Int32Array | null;
}

/** Characters NFKC leaves alone and that are not Cf or quotes: copied without a lookup. */
export const STABLE = unitTable([
  [0x0a, 0x0a], [0x20, 0x7e], [0xa1, 0xa7], [0xa9, 0xa9], [0xab, 0xac], [0xae, 0xae], [0xb0, 0xb1], [0xb6, 0xb7], [0xbb, 0xbb],
  [0xbf, 0xff], [0x2012, 0x2016], [0x2020, 0x2023], [0x2026, 0x2026], [0x3001, 0x3035], [0x3041, 0x3096], [0x30a0, 0x30fe],
  [0x4e00, 0x9fff], [0xac00, 0xd7a3], [0xff01, 0xff0f], [0xff1a, 0xff20], [0xff3b, 0xff40], [0xff5b, 0xff64],
]);

/** Length of the run of STABLE units from i. */
function stableRun(s: string, i: number): number {
  let j = i;
  while (j < s.length && STABLE[s.charCodeAt(j)] === 1) j++;
  return j - i;
}

/** Traditional Chinese characters fold to their Simplified forms (hant.ts): one unit for one. */
const HANT = new Map<string, string>();
for (let i = 0; i + 1 < HANT_PAIRS.length; i += 2) {
  HANT.set(HANT_PAIRS[i]!, HANT_PAIRS[i + 1]!);
  STABLE[HANT_PAIRS.charCodeAt(i)] = 0;
}

/** Kept as they are (see above). */
const KEEP = /^[\u2026\u2120-\u2122\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff64]$/;
const QUOTES: Record<string, string> = {
  '\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'", '\u2035': "'",
  '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"', '\u2036': '"',
};
/**
 * Arabic-script letters that spell the same word in two ways fold to one: the Persian yeh and kaf
 * (ی ک) to the Arabic ones (ي ك), alef maksura (ى) to yeh, and the hamza and madda forms of alef
 * (أ إ آ ٱ) to bare alef. Writers drop the hamza freely ("امريكا" for "أمريكا"), and Persian text,
 * read by the Arabic lexicon, spells "آمریکا" what Arabic spells "أمريكا".
 */
const ARABIC: Record<string, string> = {
  '\u06cc': '\u064a', '\u06a9': '\u0643', '\u0649': '\u064a',
  '\u0622': '\u0627', '\u0623': '\u0627', '\u0625': '\u0627', '\u0671': '\u0627',
};
/**
 * The Turkish capital İ (dotted) folds to I: its lower-case is two units (i and a combining dot),
 * so neither a lower-cased scan nor a regex's "i" flag equates it with the i of a rule, and every
 * name or word opening with it went unread ("İtalya", "İran", "İsveç", "İngiltere", "İthalat").
 * Folded on both sides (foldPattern reads rules through this table), "İtalya" in a rule and in a
 * text, or the text's "Italya", meet as "Italya".
 */
const TURKISH: Record<string, string> = { '\u0130': 'I' };
const FORMAT = /^\p{Cf}$/u;
/** Marks that combine with the character before them (NFKC may compose the pair). */
const COMBINING = /^[\p{M}\uff9e\uff9f\u1160-\u11ff]$/u;
/**
 * COMBINING's answer per UTF-16 unit (0: not yet asked, 1: combining, 2: not), as it reads a unit
 * alone (charAt): normalizeForMatch asks it for every unit from U+0300 up that is not in a stable
 * run, ~68,000 regex tests per bench pass of 3,876 items before (speed18).
 */
const COMBINING_UNIT = new Uint8Array(65536);

function combiningUnit(c: number): boolean {
  let v = COMBINING_UNIT[c] as number;
  if (v === 0) COMBINING_UNIT[c] = v = COMBINING.test(String.fromCharCode(c)) ? 1 : 2;
  return v === 1;
}
const foldCache = new Map<string, string>();

/** The folded form of one code point (no combining marks after it). */
function foldOne(ch: string): string {
  let f = foldCache.get(ch);
  if (f === undefined) {
    f = QUOTES[ch] ?? ARABIC[ch] ?? TURKISH[ch] ?? HANT.get(ch) ?? (FORMAT.test(ch) ? '' : KEEP.test(ch) ? ch : ch.normalize('NFKC'));
    // Bounded: a text of a million distinct characters must not grow the cache without end.
    if (foldCache.size < 10_000) foldCache.set(ch, f);
  }
  return f;
}

export function normalizeForMatch(s: string): Normalized {
  const first = stableRun(s, 0);
  if (first === s.length) return { text: s, starts: null, ends: null };
  // The map is written into typed arrays (grown by doubling when folding lengthens the text), not
  // pushed into number arrays and converted: it was a large share of an item's allocations.
  let cap = s.length + 16;
  let starts = new Int32Array(cap);
  let ends = new Int32Array(cap);
  let n = 0;
  const reserve = (more: number): void => {
    if (n + more <= cap) return;
    while (cap < n + more) cap *= 2;
    const a = new Int32Array(cap);
    a.set(starts.subarray(0, n));
    starts = a;
    const b = new Int32Array(cap);
    b.set(ends.subarray(0, n));
    ends = b;
  };
  const out: string[] = [s.slice(0, first)];
  for (let k = 0; k < first; k++) {
    starts[n] = k;
    ends[n++] = k + 1;
  }
  let i = first;
  while (i < s.length) {
    const stable = stableRun(s, i);
    if (stable > 0) {
      out.push(s.slice(i, i + stable));
      reserve(stable);
      for (let k = i; k < i + stable; k++) {
        starts[n] = k;
        ends[n++] = k + 1;
      }
      i += stable;
      continue;
    }
    const cp = s.codePointAt(i) as number;
    let j = i + (cp > 0xffff ? 2 : 1);
    const src = s.slice(i, j);
    // A base with combining marks is normalised as one cluster (e + \u0301 → é, ｶ + ﾞ → ガ).
    while (j < s.length && s.charCodeAt(j) >= 0x300 && combiningUnit(s.charCodeAt(j))) j++;
    const folded = j - i > src.length ? s.slice(i, j).replace(/\p{Cf}/gu, '').normalize('NFKC') : foldOne(src);
    reserve(folded.length);
    for (let k = 0; k < folded.length; k++) {
      starts[n] = i;
      ends[n++] = j;
    }
    out.push(folded);
    i = j;
  }
  const text = out.join('');
  // Views of the first n entries, not copies (the arrays were made for this text only).
  return { text, starts: starts.subarray(0, n), ends: ends.subarray(0, n) };
}

/** The original text behind normalised characters [a, b). */
export function originalSlice(original: string, n: Normalized, a: number, b: number): string {
  if (!n.starts || !n.ends) return original.slice(a, b);
  if (b <= a) return '';
  return original.slice(n.starts[a] as number, n.ends[b - 1] as number);
}

// ---------------------------------------------------------------------------------------------
// Reading scope: the lead, not the page

/** Elements whose text is never the story: sidebars, navigation, footers, forms, figures and their captions. */
const OFF_STORY = new Set(['aside', 'nav', 'footer', 'form', 'figure', 'figcaption', 'button', 'select', 'svg']);
const OFF_STORY_CLOSERS = new Map([...OFF_STORY].map((n) => [n, new RegExp(`</${n}\\s*>`, 'gi')]));
/** A block this much made of link text is a list of links (related stories, a news aggregator's cluster). */
const LINK_DENSITY = 0.7;
/** In a list item, a link and its source label ("… headline  Reuters") are navigation already at this share. */
const LIST_LINK_DENSITY = 0.5;

/** Containers that CMSs mark by class or id when they hold no story: related posts, sharing, newsletters… */
const CONTAINERS = new Set(['div', 'section', 'ul', 'ol', 'p', 'span', 'table']);
const OFF_STORY_CLASS = /\b(?:class|id)\s*=\s*["']?[^"'>]*?(?:related|share|sharing|sharedaddy|social|newsletter|subscri|cookie|consent|promo|advert|sidebar|widget|recommend|read-?more|more-?stories|teaser-?list|tags)/i;

/** End of the element whose start tag ends at `from` (same-name nesting counted); the text's end if unclosed. */
function elementEnd(s: string, name: string, from: number): number {
  const tag = new RegExp(`<(/?)${name}\\b[^<>]*>`, 'gi');
  tag.lastIndex = from;
  let depth = 1;
  for (let m = tag.exec(s); m; m = tag.exec(s)) {
    if (m[1]) depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return s.length;
}

interface Block {
  text: string;
  linkText: string;
  chars: number;
  linkChars: number;
  links: number;
  inList: boolean;
}

function visibleChars(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 32 && s.charCodeAt(i) !== 0xa0) n++;
  return n;
}

/** Not a letter or digit: a \p{…} class of ~700 two-byte ranges, 21 KB as bytecode (native-regex.ts). */
const notLetterOrDigit = lazyNative(() => /[^\p{L}\p{N}]+/gu);

/** Letters and digits only, lower-cased: to tell that a block repeats the headline. */
export function squeeze(s: string): string {
  return s.toLowerCase().replace(notLetterOrDigit(), '');
}

/**
 * HTML as paragraphs of plain text, without what is not the story: hidden and off-story elements,
 * and blocks that are lists of links (several links, or a list item, or one link that repeats the
 * headline, as Google News descriptions are). One linear pass, like stripMarkup.
 */
function storyParagraphs(html: string, title: string | undefined): string[] {
  const s = unwrapCdata(html);
  const n = s.length;
  const out: string[] = [];
  const head = title ? squeeze(title) : '';
  let block: Block = { text: '', linkText: '', chars: 0, linkChars: 0, links: 0, inList: false };
  let inLink = false;
  let gt = -2;
  let lt = -2;
  const flush = (nextInList: boolean): void => {
    if (block.chars === 0) {
      // Nothing visible: no paragraph (deeply nested empty blocks cost no regex work).
      block.text = '';
      block.inList = nextInList;
      return;
    }
    let text = block.text;
    if (text.includes('<')) text = text.replace(/<\/?[a-z][^<>]*>/gi, '');
    text = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b\ufeff]/g, '').replace(/\s+/g, ' ').trim();
    if (text) {
      const density = block.chars > 0 ? block.linkChars / block.chars : 0;
      // A list item that is mostly a link (an aggregator's cluster: headline + outlet label).
      const listed = block.inList && density >= LIST_LINK_DENSITY;
      const linked = squeeze(block.linkText);
      // One link that repeats the headline, or that the headline starts with (a subtitle added).
      const repeats = head !== '' && linked.length >= 8 && (head.startsWith(linked) || linked.startsWith(head));
      const navigation = listed || (density >= LINK_DENSITY && (block.links >= 2 || block.inList || repeats));
      if (!navigation) out.push(text);
    }
    block = { text: '', linkText: '', chars: 0, linkChars: 0, links: 0, inList: nextInList };
  };
  const addText = (raw: string): void => {
    if (!raw) return;
    const t = decodeEntities(raw);
    const v = visibleChars(t);
    block.text += t;
    block.chars += v;
    if (inLink) {
      block.linkChars += v;
      block.linkText += t;
    }
  };
  let last = 0;
  for (let i = 0; i < n; i++) {
    if (s.charCodeAt(i) !== 60) continue;
    if (gt === -1) {
      // As in stripMarkup: with no ">" left, only an opener that runs to the end still matters.
      const drop = firstDropToEnd(s, i, HIDDEN_OR_OFF_STORY_OPENER);
      if (drop >= 0) {
        addText(s.slice(last, drop));
        last = n;
      }
      break;
    }
    const c1 = s.charCodeAt(i + 1);
    let end = -1;
    if (c1 === 33 && s.charCodeAt(i + 2) === 45 && s.charCodeAt(i + 3) === 45) {
      const close = s.indexOf('-->', i + 4);
      addText(s.slice(last, i));
      last = end = close < 0 ? n : close + 3;
      i = end - 1;
      continue;
    }
    const closing = c1 === 47;
    let j = i + (closing ? 2 : 1);
    const c0 = s.charCodeAt(j);
    if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90))) continue;
    const nameStart = j;
    while (j < n && isNameChar(s.charCodeAt(j))) j++;
    const name = j - nameStart <= 10 ? s.slice(nameStart, j).toLowerCase() : '';
    if (!closing && CONTAINERS.has(name)) {
      if (gt !== -1 && gt < j) gt = s.indexOf('>', j);
      if (gt >= 0 && OFF_STORY_CLASS.test(s.slice(j, Math.min(gt, j + 400)))) {
        // <div class="jp-relatedposts">, <section class="newsletter">…: skip the whole element.
        addText(s.slice(last, i));
        last = end = elementEnd(s, name, gt + 1);
        flush(false);
        i = end - 1;
        continue;
      }
    }
    const skipper = closing ? undefined : (CLOSERS.get(name) ?? OFF_STORY_CLOSERS.get(name));
    if (skipper) {
      addText(s.slice(last, i));
      skipper.lastIndex = j;
      const m = skipper.exec(s);
      last = end = m ? m.index + m[0].length : n;
      if (OFF_STORY.has(name)) flush(false);
      i = end - 1;
      continue;
    }
    if (gt !== -1 && gt < j) gt = s.indexOf('>', j);
    const block_ = BLOCK_TAGS.has(name);
    if (!block_) {
      if (lt !== -1 && lt <= i) lt = s.indexOf('<', i + 1);
      if (gt < 0 || (lt >= 0 && lt < gt)) continue;
    } else if (gt < 0) continue;
    addText(s.slice(last, i));
    last = end = gt + 1;
    i = end - 1;
    if (block_) flush(name === 'li' && !closing);
    else if (name === 'a') {
      inLink = !closing;
      if (!closing) block.links++;
    }
  }
  addText(s.slice(last));
  flush(false);
  return out;
}

const escapeRe = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function markerForms(list: string[]): string[] {
  const forms = new Set<string>();
  for (const m of list) {
    forms.add(m);
    // Also in capitals (all-caps section headings), never lower-cased: "read more" inside a
    // sentence is prose, "Read more" or "READ MORE" starting a line is a link.
    const up = m.toUpperCase();
    if (up.length === m.length) forms.add(up);
  }
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * Group 1: where the lead ends; group 2: a boilerplate sentence. Compiled straight to machine code
 * (native-regex.ts): as bytecode this ~5,500-character alternation was 76 KB, the largest share of
 * V8's 1 MB regex-code budget a process spends (speed18).
 */
const scopeMarkers = lazyNative(() => new RegExp(
  `(${markerForms(readingScope.related).map(escapeRe).join('|')})|(${markerForms(readingScope.boilerplate).map(escapeRe).join('|')})`,
  'g',
));

/**
 * Whether a text holds any scope marker, i.e. whether the scope-marker regex can match at all: nearly no
 * lead does, and one pass over its three-unit pieces (markers looked up by their first piece, then
 * compared whole) costs a fraction of the regex's alternation of ~400 forms tried at each position.
 */
const markerHash = (a: number, b: number, c: number): number => Math.imul((a << 10) ^ (b << 5) ^ c ^ (a >>> 6), 0x9e3779b1) >>> 16;
const MARKER_FORMS = [...markerForms(readingScope.related), ...markerForms(readingScope.boilerplate)];
const MARKER_HEADS = new Map<number, string[]>();
const MARKER_HEAD = new Uint8Array(65536);
/** The first characters of the markers (capitals and a few CJK ones): the other positions need no hash. */
const MARKER_FIRST = new Uint8Array(65536);
for (const m of MARKER_FORMS) {
  MARKER_FIRST[m.charCodeAt(0)] = 1;
  const h = markerHash(m.charCodeAt(0), m.charCodeAt(1), m.charCodeAt(2));
  MARKER_HEADS.set(h, [...(MARKER_HEADS.get(h) ?? []), m]);
  MARKER_HEAD[h] = 1;
}
/** Markers shorter than three units would have no first piece: then every text is searched. */
const MARKERS_HAVE_HEADS = MARKER_FORMS.every((m) => m.length >= 3);

export function hasScopeMarker(text: string): boolean {
  if (!MARKERS_HAVE_HEADS) return true;
  for (let i = 0; i + 2 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (MARKER_FIRST[c] === 0) continue;
    const h = markerHash(c, text.charCodeAt(i + 1), text.charCodeAt(i + 2));
    if (MARKER_HEAD[h] === 1) for (const m of MARKER_HEADS.get(h) as string[]) if (text.startsWith(m, i)) return true;
  }
  return false;
}

const LATIN_LETTER = /[A-Za-z0-9\u00c0-\u024f]/;
const SENTENCE_END = /[.!?。！？\n]/;

/**
 * The lead of a plain text: up to the first related-articles or read-more marker, without
 * boilerplate sentences (cookies, subscriptions, copyright). A Latin marker must stand as words of
 * its own ("Related articles", not "unrelated articles"); CJK ones may touch other characters.
 */
/** A Latin marker must not start or end inside a word ("unrelated articles"); CJK ones may touch. */
function markerStandsAlone(text: string, at: number, word: string): boolean {
  const end = at + word.length;
  if (LATIN_LETTER.test(word.charAt(0)) && at > 0 && LATIN_LETTER.test(text.charAt(at - 1))) return false;
  return !(LATIN_LETTER.test(word.charAt(word.length - 1)) && end < text.length && LATIN_LETTER.test(text.charAt(end)));
}

export function cutToLead(text: string): string {
  if (!text) return text;
  // Without any marker the loop below finds nothing and returns the text trimmed.
  if (!hasScopeMarker(text)) return text.trim();
  let out = '';
  let from = 0;
  const markers = scopeMarkers();
  markers.lastIndex = 0;
  for (let m = markers.exec(text); m; m = markers.exec(text)) {
    const at = m.index;
    const word = m[0];
    const end = at + word.length;
    if (!markerStandsAlone(text, at, word)) {
      markers.lastIndex = at + 1;
      continue;
    }
    if (m[1] !== undefined) return (out + text.slice(from, at)).trim();
    // Boilerplate: drop its sentence (from the last sentence end before it to the next after it).
    let a = at;
    while (a > from && !SENTENCE_END.test(text.charAt(a - 1))) a--;
    let b = end;
    while (b < text.length && !SENTENCE_END.test(text.charAt(b))) b++;
    if (b < text.length) b++;
    out += text.slice(from, a);
    from = b;
    markers.lastIndex = b;
  }
  return (out + text.slice(from)).trim();
}

/**
 * What to read of an item's body: the lead. HTML (a whole page from content:encoded, a news
 * aggregator's description) loses hidden and off-story elements and lists of links, then the
 * paragraphs up to the first related-articles or read-more marker are kept, minus boilerplate
 * sentences; plain text is cut the same way. One line of plain text, like htmlToText; linear.
 * `title`: the item's headline, so a link that only repeats it is not read as the lead.
 */
export function leadText(input: string | null | undefined, opts: { title?: string } = {}): string {
  if (!input) return '';
  const s = String(input);
  let text: string;
  if (s.includes('<')) {
    const kept: string[] = [];
    for (const p of storyParagraphs(s, opts.title)) {
      // A heading that only says "Related" or "Share this" starts what is not the story.
      if (HEADING_ONLY.has(p.toLowerCase().replace(/[\s:：.…»›>|-]+$/u, ''))) break;
      // A paragraph with boilerplate in it (a cookie banner, a subscription call) goes whole.
      const markers = scopeMarkers();
      markers.lastIndex = 0;
      const m = markers.exec(p);
      if (m && m[2] !== undefined && markerStandsAlone(p, m.index, m[0])) continue;
      kept.push(p);
    }
    text = kept.join('\n');
  } else text = htmlToText(s);
  const lead = cutToLead(text);
  return lead.includes('\n') ? lead.replace(/\s*\n\s*/g, ' ').trim() : lead;
}

/** Paragraphs that are only one of these words are section headings of what follows the story. */
const HEADING_ONLY = new Set(['related', 'share this', 'share', 'tags', 'more', 'see more', 'recommended', 'mehr', 'teilen', 'partager', 'plus', 'compartir', 'condividi', 'compartilhe', '関連', 'シェア', '相关', '공유']);
