/**
 * Case-insensitive cue regexes run as case-sensitive ones over the lower-cased text (speed14).
 *
 * Why: V8 compiles a regex with the "i" flag to about twice the machine code, and twice the
 * compile time, of the same regex without it (every letter becomes a two-way test, every class is
 * closed over case); a first pass builds ~1,200 of them. The scan already keeps the text
 * lower-cased (compile.ts, lowerText) for its literal cues: a case-insensitive regex R is rewritten
 * into R' with no "i" such that, for every text T whose lower-casing keeps its length,
 * R' matches lower(T) exactly where (same start, same end) R matches T. Offsets are the same in
 * both texts, so a hit's evidence still quotes T.
 *
 * The rewrite is exact, not a heuristic. JavaScript's "i" without "u" compares characters by
 * Canonicalize (ECMA-262 22.2.2.7.3): a UTF-16 unit's toUpperCase when that is one unit and does
 * not turn a non-ASCII unit into an ASCII one, else the unit itself. An atom of R matching the set
 * S (a literal, a class, an escape; the same for each unit of a lookaround) then matches a unit c
 * when Canonicalize(c) = Canonicalize(m) for some m in S: c is in S's closure C(S). R' matches
 * lower(c) against S' = S ∪ lower(C(S)) (extrasOf). The two agree for every c when any two units
 * with the same lower-case are equal under "i". That holds for every unit but a few rare ones,
 * LOWER_UNSAFE (Kelvin sign K lower-cases to k, but "i" does not equate it with k; µ and μ are
 * equal under "i" but lower-case apart): a text that holds one runs the "i" regexes
 * (normalizeForMatch's NFKC removes most of them before the classifier sees the text). İ, which
 * toLowerCase makes two units (i and a combining dot), is kept as it is (regexLower): "i" equates
 * it with nothing else either, and Turkish texts, which write it often, keep the rewrite. Where "i" equates a letter with two lower-case ones (σ and ς are both Σ) the literal is
 * written as both ([σς]) and a class gets the missing one added.
 * Also unchanged, so left as written: \d \D \s \S \w \W \b \B and "." (no case-mapped unit moves
 * in or out of them but LOWER_UNSAFE's Kelvin sign, which lower-cases into \w), caseless units
 * (CJK, Arabic, digits, punctuation). Backreferences, named groups, \P{…}, identity escapes of
 * letters and explicit surrogates (supplementary letters have case: 𐐀 lower-cases to 𐐨 by its
 * low surrogate) make a pattern not rewritten (null: compiled with "i", run on the text). test/unit/classifier/lowered.test.ts checks the
 * case tables against the running engine and compares both paths unit by unit.
 */

/**
 * Ranges holding every BMP unit that has a case mapping (toUpperCase or toLowerCase changes it)
 * or is one's result: the case tables are built over these only (~2,900 units, not 65,536).
 */
export const CASED_BLOCKS: ReadonlyArray<readonly [number, number]> = [
  [0x41, 0x29e], [0x345, 0x586], [0x10a0, 0x10ff], [0x13a0, 0x13fd], [0x1c80, 0x1cbf], [0x1d79, 0x1d8e],
  [0x1e00, 0x1ffc], [0x2126, 0x2184], [0x24b6, 0x24e9], [0x2c00, 0x2d2d], [0xa640, 0xa69b], [0xa722, 0xa7f6],
  [0xab53, 0xabbf], [0xff21, 0xff5a],
];

/**
 * Units a text may not hold for the lower-cased path (it then runs the "i" regexes): units whose lower-case is a letter they are not equal to under "i"
 * (Kelvin sign K to k, Ångström sign to å, Ohm sign to ω, ẞ to ß, ϴ to θ, polytonic capitals
 * with prosgegrammeni), and the variant forms "i" equates with a letter whose lower-case they are
 * not (µ and μ, ϐ and β, ϑ ϕ ϖ ϰ ϱ ϵ, ͅ and ι ι, ẛ and ṡ, the old Cyrillic forms ᲀ–ᲈ of в д о с т ъ ѣ
 * ꙋ). NFKC, which normalizeForMatch applies, replaces most of them. Without them two units have
 * the same lower-case only when "i" equates them (test/unit/classifier/lowered.test.ts checks it
 * over the BMP): the rewrite needs no other check.
 */
export const LOWER_UNSAFE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0xb5, 0xb5], [0x345, 0x345], [0x3d0, 0x3d1], [0x3d5, 0x3d6], [0x3f0, 0x3f1], [0x3f4, 0x3f5],
  [0x1c80, 0x1c88], [0x1e9b, 0x1e9b], [0x1e9e, 0x1e9e], [0x1f88, 0x1f8f], [0x1f98, 0x1f9f], [0x1fa8, 0x1faf],
  [0x1fbc, 0x1fbc], [0x1fbe, 0x1fbe], [0x1fcc, 0x1fcc], [0x1ffc, 0x1ffc], [0x2126, 0x2126], [0x212a, 0x212b],
];

const hex4 = (c: number): string => `\\u${c.toString(16).padStart(4, '0')}`;

export const LOWER_UNSAFE = new RegExp(`[${LOWER_UNSAFE_RANGES.map(([a, b]) => (a === b ? hex4(a) : `${hex4(a)}-${hex4(b)}`)).join('')}]`);

/** Per unit: 1 in CASED_BLOCKS, 2 LOWER_UNSAFE as well (filled once, natively). */
const UNIT_KIND = new Uint8Array(65536);
for (const [a, b] of CASED_BLOCKS) UNIT_KIND.fill(1, a, b + 1);
for (const [a, b] of LOWER_UNSAFE_RANGES) UNIT_KIND.fill(2, a, b + 1);

const isUnsafe = (c: number): boolean => UNIT_KIND[c] === 2;
const inBlocks = (c: number): boolean => UNIT_KIND[c] !== 0;

/**
 * Canonicalize (non-unicode "i") and lower-case (-1: not one unit) of the units of CASED_BLOCKS
 * (0 for any other: it is its own), and the units of each canonical form (LOWER_UNSAFE aside) as
 * linked lists: `first[k]` is one of them plus 1 (0: none), `next[c]` the one after c plus 1.
 * Typed arrays, filled in plain loops: a Map of arrays cost ~10 ms in a cold process.
 */
interface CaseTables {
  canon: Int32Array;
  lower: Int32Array;
  first: Int32Array;
  next: Int32Array;
}

let tables: CaseTables | null = null;

/** Canonicalize of ECMA-262 for a regex without the "u" flag, from the unit's toUpperCase. */
function canonOf(c: number, upper: string): number {
  if (upper.length !== 1) return c;
  const cu = upper.charCodeAt(0);
  return c >= 128 && cu < 128 ? c : cu;
}

export function canonicalize(c: number): number {
  return canonOf(c, String.fromCharCode(c).toUpperCase());
}

/** The unit's lower-case as regexLower makes it (İ stays İ); -1 when not one unit. */
export function lowerUnit(c: number): number {
  if (c === 0x130) return c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : -1;
}

/**
 * The text the rewritten regexes run on: `lowered` (the text's toLowerCase when that kept its
 * length, else null) or, when only İ lengthened it, the text lower-cased around its İs; null when
 * the text holds a LOWER_UNSAFE unit or lower-casing moves offsets otherwise.
 * Lower-casing a whole text differs from unit by unit only for Σ (σ or ς by the next letter):
 * every rewritten atom holds both or neither, so the split around İ changes no match.
 */
export function regexLower(text: string, lowered: string | null): string | null {
  if (LOWER_UNSAFE.test(text)) return null;
  if (lowered !== null) return lowered;
  if (!text.includes('\u0130')) return null;
  const l = text.split('\u0130').map((x) => x.toLowerCase()).join('\u0130');
  return l.length === text.length ? l : null;
}

function caseTables(): CaseTables {
  if (tables) return tables;
  const canon = new Int32Array(65536);
  const lower = new Int32Array(65536);
  const first = new Int32Array(65536);
  const next = new Int32Array(65536);
  // The blocks' units mapped in one call per direction, separated by NUL (no case, no context for
  // the final-sigma rule, never produced by a mapping): one ICU call per unit costs ~5 µs.
  let joined = '';
  for (const [a, b] of CASED_BLOCKS) {
    for (let c = a; c <= b; c++) joined += (c === a ? '' : '\0') + String.fromCharCode(c);
    joined += '\0';
  }
  const ups = joined.toUpperCase().split('\0');
  const lows = joined.toLowerCase().split('\0');
  let i = 0;
  for (const [a, b] of CASED_BLOCKS) {
    for (let c = a; c <= b; c++, i++) {
      const k = (canon[c] = canonOf(c, ups[i] as string));
      const l = lows[i] as string;
      lower[c] = c === 0x130 ? c : l.length === 1 ? l.charCodeAt(0) : -1;
      if (UNIT_KIND[c] === 2) continue;
      next[c] = first[k] as number;
      first[k] = c + 1;
    }
  }
  return (tables = { canon, lower, first, next });
}

const imagesMemo = new Map<number, number[]>();

/** The lower-cases of the units "i" equates with a unit (LOWER_UNSAFE aside): [a] for a and A, [σ, ς] for σ. */
function imagesOf(c: number): number[] {
  let out = imagesMemo.get(c);
  if (out === undefined) {
    const t = caseTables();
    out = [];
    if (!inBlocks(c)) out.push(c);
    else {
      for (let x = (t.first[t.canon[c] as number] as number) - 1; x >= 0; x = (t.next[x] as number) - 1) {
        const y = t.lower[x] as number;
        if (y >= 0 && !out.includes(y)) out.push(y);
      }
    }
    imagesMemo.set(c, out);
  }
  return out;
}

/** Class escapes no case mapping moves a unit into or out of (LOWER_UNSAFE aside): kept as written. */
type Closed = 'd' | 'D' | 's' | 'S' | 'w' | 'W';

const WS_UNITS = new Set([9, 10, 11, 12, 13, 32, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]);
for (let c = 0x2000; c <= 0x200a; c++) WS_UNITS.add(c);

function inClosed(e: Closed, c: number): boolean {
  switch (e) {
    case 'd': return c >= 48 && c <= 57;
    case 'D': return !(c >= 48 && c <= 57);
    case 's': return WS_UNITS.has(c);
    case 'S': return !WS_UNITS.has(c);
    case 'w': return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    case 'W': return !((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95);
  }
}

const rangeMemo = new Map<number, number[]>();

/** The images (imagesOf) of a range's units that fall outside it: for \\p{L}'s ranges a few dozen of its ~1,100 letters. */
function imagesOutside(lo: number, hi: number): number[] {
  const key = lo * 65536 + hi;
  let out = rangeMemo.get(key);
  if (out === undefined) {
    out = [];
    for (const [a, b] of CASED_BLOCKS) {
      for (let c = Math.max(lo, a), to = Math.min(hi, b); c <= to; c++) {
        for (const y of imagesOf(c)) if ((y < lo || y > hi) && !out.includes(y)) out.push(y);
      }
    }
    rangeMemo.set(key, out);
  }
  return out;
}

/**
 * What an atom matching S = `ranges` ∪ `closed` needs added for the lower-cased text: the images
 * of S's units not in S. With them, a unit c of a text without LOWER_UNSAFE units has its
 * lower-case in S' exactly when "i" puts c in S: the lower-case of a unit of S's closure is one
 * of these images or in S; and a unit whose lower-case is in S' shares it with a unit of S or
 * an image, which "i" equates with it (see LOWER_UNSAFE_RANGES). The closed escapes are their own
 * closure and images.
 */
function extrasOf(ranges: Array<[number, number]>, closed: Closed[]): number[] {
  const has = (c: number): boolean => {
    for (const [a, b] of ranges) if (c >= a && c <= b) return true;
    for (const e of closed) if (inClosed(e, c)) return true;
    return false;
  };
  const extras: number[] = [];
  for (const [lo, hi] of ranges) for (const y of imagesOutside(lo, hi)) if (!extras.includes(y) && !has(y)) extras.push(y);
  return extras.sort((x, y) => x - y);
}

const HEX = /^[0-9a-fA-F]+$/;

/** A unit written by an escape (after the backslash at s[i]): [unit, length of the escape], or null. */
function escapedUnit(s: string, i: number, inClass: boolean): [number, number] | null {
  const n = s[i + 1];
  switch (n) {
    case 't': return [9, 2];
    case 'n': return [10, 2];
    case 'v': return [11, 2];
    case 'f': return [12, 2];
    case 'r': return [13, 2];
    case 'b': return inClass ? [8, 2] : null;
    case '0': return /[0-9]/.test(s[i + 2] ?? '') ? null : [0, 2];
    case 'c': return /[A-Za-z]/.test(s[i + 2] ?? '') ? [(s.charCodeAt(i + 2) & 31), 3] : null;
    case 'x': {
      const h = s.slice(i + 2, i + 4);
      return h.length === 2 && HEX.test(h) ? [parseInt(h, 16), 4] : null;
    }
    case 'u': {
      const h = s.slice(i + 2, i + 6);
      return h.length === 4 && HEX.test(h) ? [parseInt(h, 16), 6] : null;
    }
    case undefined: return null;
    default:
      // Escaped punctuation stands for itself; an escaped letter or digit other than the above
      // is an identity escape or a backreference: not read here.
      return /[A-Za-z0-9]/.test(n) ? null : [n.charCodeAt(0), 2];
  }
}

const isSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdfff;

type PropertyBody = (name: string) => string | undefined;

/** The members of a class body (no leading "^"): ranges and closed escapes; null when not read here. */
function classMembers(body: string, prop: PropertyBody, ranges: Array<[number, number]>, closed: Closed[]): boolean {
  for (let i = 0; i < body.length;) {
    let lo: number;
    if (body[i] === '\\') {
      const n = body[i + 1] ?? '';
      if ('dDsSwW'.includes(n) && n !== '') {
        // "\w-x" reads "-" as a literal in Annex B: not read here.
        if (body[i + 2] === '-' && i + 3 < body.length) return false;
        closed.push(n as Closed);
        i += 2;
        continue;
      }
      if (n === 'p' && body[i + 2] === '{') {
        const close = body.indexOf('}', i);
        const ranges2 = close < 0 ? undefined : prop(body.slice(i + 3, close));
        if (ranges2 === undefined || !classMembers(ranges2, prop, ranges, closed)) return false;
        if (body[close + 1] === '-' && close + 2 < body.length) return false;
        i = close + 1;
        continue;
      }
      const u = escapedUnit(body, i, true);
      if (!u) return false;
      lo = u[0];
      i += u[1];
    } else {
      lo = body.charCodeAt(i);
      i++;
    }
    let hi = lo;
    if (body[i] === '-' && i + 1 < body.length) {
      if (body[i + 1] === '\\') {
        const u = escapedUnit(body, i + 1, true);
        if (!u) return false;
        hi = u[0];
        i += 1 + u[1];
      } else {
        hi = body.charCodeAt(i + 1);
        i += 2;
      }
      if (hi < lo) return false;
    }
    if (isSurrogate(lo) || isSurrogate(hi) || (lo < 0xd800 && hi > 0xdfff)) return false;
    ranges.push([lo, hi]);
  }
  return true;
}

const classMemo = new Map<string, string | null>();

/** A class `[…]` (its source, brackets included) for the lower-cased text, or null. */
function lowerClass(src: string, prop: PropertyBody): string | null {
  let out = classMemo.get(src);
  if (out !== undefined) return out;
  out = null;
  const neg = src[1] === '^';
  const body = src.slice(neg ? 2 : 1, -1);
  const ranges: Array<[number, number]> = [];
  const closed: Closed[] = [];
  if (classMembers(body, prop, ranges, closed)) {
    const extras = extrasOf(ranges, closed);
    {
      const add = extras.map(hex4).join('');
      // Added in front (after "^"), where they cannot make a range with their neighbour, unless
      // the body opens with "-"; then at the end, unless it ends with one.
      if (!add) out = src;
      else if (!body.startsWith('-')) out = `[${neg ? '^' : ''}${add}${body}]`;
      else if (!body.endsWith('-')) out = `[${neg ? '^' : ''}${body}${add}]`;
    }
  }
  classMemo.set(src, out);
  return out;
}

const unitMemo = new Map<number, string | null>();

/** A literal unit outside a class, for the lower-cased text: its lower-case, or a class of them ([σς]); null when none (a unit only LOWER_UNSAFE units equal). */
function lowerLiteral(c: number): string | null {
  let out = unitMemo.get(c);
  if (out === undefined) {
    const units = imagesOf(c);
    out = units.length === 0 ? null : units.length === 1 ? String.fromCharCode(units[0] as number) : `[${units.map(hex4).join('')}]`;
    unitMemo.set(c, out);
  }
  return out;
}

/**
 * The source of a regex to run without "i" over the lower-cased text where `src` runs with "i"
 * (no "u") over the text, or null when the pattern is not rewritten (see the top). `prop` gives
 * the class body a \p{…} stands for (compile.ts PROPERTY_RANGES), undefined when unknown.
 */
export function lowerCaseSource(src: string, prop: PropertyBody): string | null {
  // Most of a pattern stays as written (lower-case letters, caseless scripts, syntax): a regex
  // finds what may change, and the runs between are copied at once.
  const re = changingRe();
  re.lastIndex = 0;
  let out = '';
  let from = 0;
  const put = (i: number, next: number, written: string): void => {
    out += src.slice(from, i) + written;
    from = next;
  };
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    const i = m.index;
    const c = src.charCodeAt(i);
    let next = i + 1;
    if (c === 0x28) return null;
    if (c === 0x5c) {
      const n = src[i + 1] ?? '';
      if (n !== '' && 'dDsSwWbB'.includes(n)) next = i + 2;
      else if (n === 'p' && src[i + 2] === '{') {
        const close = src.indexOf('}', i);
        if (close < 0) return null;
        const whole = src.slice(i, close + 1);
        const cls = lowerClass(`[${whole}]`, prop);
        if (cls === null) return null;
        if (cls !== `[${whole}]`) put(i, close + 1, cls);
        next = close + 1;
      } else {
        const u = escapedUnit(src, i, false);
        if (!u || isSurrogate(u[0])) return null;
        if (inBlocks(u[0])) {
          const l = lowerLiteral(u[0]);
          if (l === null) return null;
          if (l !== String.fromCharCode(u[0])) put(i, i + u[1], l);
        }
        next = i + u[1];
      }
    } else if (c === 0x5b) {
      let end = i + 1;
      if (src[end] === '^') end++;
      // As V8 reads it: "]" right after "[" or "[^" closes the class.
      for (; end < src.length; end++) {
        if (src[end] === '\\') end++;
        else if (src[end] === ']') break;
      }
      if (end >= src.length) return null;
      const whole = src.slice(i, end + 1);
      const cls = lowerClass(whole, prop);
      if (cls === null) return null;
      if (cls !== whole) put(i, end + 1, cls);
      next = end + 1;
    } else if (c <= 0x5a) put(i, i + 1, String.fromCharCode(c + 32));
    else {
      const l = isSurrogate(c) ? null : lowerLiteral(c);
      if (l === null) return null;
      put(i, i + 1, l);
    }
    re.lastIndex = next;
  }
  return from === 0 ? src : out + src.slice(from);
}

let changing: RegExp | null = null;

/**
 * What lowerCaseSource must look at: ASCII capitals, escapes, classes, named groups ("(?<name>",
 * not read), surrogates (not read), and the units of CASED_BLOCKS a literal of which is rewritten
 * (capitals, σ, the LOWER_UNSAFE ones).
 */
function changingRe(): RegExp {
  if (changing === null) {
    const t = caseTables();
    let units = '';
    for (const [a, b] of CASED_BLOCKS) {
      for (let c = Math.max(a, 0x80); c <= b; c++) {
        const l = t.lower[c] as number;
        // Rewritten unless its lower-case is itself and "i" equates it with nothing of another lower-case.
        let same = l === c && UNIT_KIND[c] !== 2;
        for (let x = (t.first[t.canon[c] as number] as number) - 1; x >= 0 && same; x = (t.next[x] as number) - 1) same = t.lower[x] === c;
        if (!same) units += hex4(c);
      }
    }
    changing = new RegExp(`[A-Z\\\\[\\ud800-\\udfff${units}]|\\(\\?<(?![=!])`, 'g');
  }
  return changing;
}
