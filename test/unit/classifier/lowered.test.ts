/**
 * Case-insensitive cue regexes run without "i" over the lower-cased text (lowered.ts, speed14):
 * the rewrite must give exactly the matches (start and end) the "i" regex gives on the text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lowerCasePattern, spaces, withoutUnicodeEscapes } from '../../../lambdas/core/classifier/compile.js';
import { classify, loadDefaultRules } from '../../../lambdas/core/classifier/index.js';
import { CASED_BLOCKS, canonicalize, LOWER_UNSAFE, LOWER_UNSAFE_RANGES, lowerUnit, regexLower } from '../../../lambdas/core/classifier/lowered.js';
import { normalizeForMatch } from '../../../lambdas/core/text.js';
import { LANGUAGES } from './helpers.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/eval/', import.meta.url));

/** The word-end tail of Latin-script cues, as compile.ts appends it. */
const TAIL = '(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}_])';

const inUnsafe = (c: number): boolean => LOWER_UNSAFE_RANGES.some(([a, b]) => c >= a && c <= b);

/** Every match of a regex: [start, end] at each position (sticky), so overlapping ones count too. */
function matchesAt(re: RegExp, text: string): string[] {
  const out: string[] = [];
  for (let at = 0; at <= text.length; at++) {
    re.lastIndex = at;
    if (re.test(text)) out.push(`${at}-${re.lastIndex}`);
  }
  return out;
}

/**
 * The matches of a cue pattern on a text both ways: compiled with "i" on the text, and rewritten
 * without "i" on regexLower's text. `lowered` is null when the pattern keeps "i"; `text` null
 * when the text runs the "i" regex.
 */
function bothWays(pattern: string, text: string): { caseless: string[]; lowered: string[] | null; source: string | null; lower: string | null } {
  const caseless = matchesAt(new RegExp(withoutUnicodeEscapes(spaces(pattern)), 'yi'), text);
  const source = lowerCasePattern(pattern);
  const l = text.toLowerCase();
  const lower = regexLower(text, l.length === text.length ? l : null);
  const lowered = source === null || lower === null ? null : matchesAt(new RegExp(withoutUnicodeEscapes(source), 'y'), lower);
  return { caseless, lowered, source, lower };
}

/** A string of the given units (surrogates left out: a pair of them would be one character). */
function unitsText(keep: (c: number) => boolean): string {
  let s = '';
  for (let c = 1; c < 0x10000; c++) if ((c < 0xd800 || c > 0xdfff) && keep(c)) s += String.fromCharCode(c);
  return s;
}

/** The positions a global regex matches a text at, with their ends. */
function scanAll(re: RegExp, text: string): string[] {
  const out: string[] = [];
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    out.push(`${m.index}-${m.index + m[0].length}`);
    re.lastIndex = m.index + 1;
  }
  return out;
}

describe('core/classifier/lowered', () => {
  describe('case tables (checked against the running engine over the BMP)', () => {
    it('CASED_BLOCKS hold every unit with a case mapping and every unit one maps to', () => {
      const inBlocks = (c: number) => CASED_BLOCKS.some(([a, b]) => c >= a && c <= b);
      const missing: string[] = [];
      for (let c = 0; c < 0x10000; c++) {
        const k = canonicalize(c);
        const l = lowerUnit(c);
        if ((k !== c || (l !== c && l >= 0) || l < 0) && !inBlocks(c)) missing.push(c.toString(16));
        if (k !== c && !inBlocks(k)) missing.push(`${k.toString(16)} (canon of ${c.toString(16)})`);
        if (l >= 0 && l !== c && !inBlocks(l)) missing.push(`${l.toString(16)} (lower of ${c.toString(16)})`);
      }
      expect(missing).toEqual([]);
    });

    it('outside LOWER_UNSAFE, two units with the same lower-case are equal under "i", and lower-casing is idempotent', () => {
      const canonOfLower = new Map<number, number>();
      const differ: string[] = [];
      for (let c = 0; c < 0x10000; c++) {
        if (inUnsafe(c)) continue;
        const l = lowerUnit(c);
        expect(l, `unit ${c.toString(16)} lower-cases to one unit`).toBeGreaterThanOrEqual(0);
        if (lowerUnit(l) !== l) differ.push(`${c.toString(16)}: lower not idempotent`);
        const k = canonicalize(c);
        const seen = canonOfLower.get(l);
        if (seen === undefined) canonOfLower.set(l, k);
        else if (seen !== k) differ.push(`${c.toString(16)} lower-cases to ${l.toString(16)} but is not equal to its fellows under "i"`);
      }
      expect(differ).toEqual([]);
    });

    it('each LOWER_UNSAFE unit is needed: without it some letter would lower-case apart from its equal under "i", or together with a stranger', () => {
      const needless: string[] = [];
      for (const [a, b] of LOWER_UNSAFE_RANGES) {
        for (let c = a; c <= b; c++) {
          const l = lowerUnit(c);
          const k = canonicalize(c);
          let needed = l < 0;
          for (let d = 0; d < 0x10000 && !needed; d++) {
            if (d === c || inUnsafe(d)) continue;
            if ((lowerUnit(d) === l) !== (canonicalize(d) === k)) needed = true;
          }
          if (!needed) needless.push(c.toString(16));
        }
      }
      expect(needless).toEqual([]);
    });

    it('LOWER_UNSAFE matches exactly the units of LOWER_UNSAFE_RANGES', () => {
      const differ: number[] = [];
      for (let c = 0; c < 0x10000; c++) if (LOWER_UNSAFE.test(String.fromCharCode(c)) !== inUnsafe(c)) differ.push(c);
      expect(differ).toEqual([]);
    });

    it('a whole text lower-cases as its units one by one, but for Σ (σ or ς by context) and İ (kept by regexLower)', () => {
      const text = unitsText((c) => !inUnsafe(c));
      const lower = regexLower(text, null) as string;
      expect(lower.length).toBe(text.length);
      const differ: string[] = [];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x3a3) continue;
        if (lower.charCodeAt(i) !== lowerUnit(c)) differ.push(c.toString(16));
      }
      expect(differ).toEqual([]);
    });
  });

  describe('every unit, alone and in classes: the rewrite matches the same units as "i"', () => {
    // Every BMP unit but surrogates and LOWER_UNSAFE (texts holding one run the "i" regexes).
    const text = unitsText((c) => !inUnsafe(c));
    const lower = regexLower(text, null) as string;
    const same = (pattern: string): string[] => {
      const source = lowerCasePattern(pattern);
      if (source === null) return [`${pattern}: not rewritten`];
      const want = scanAll(new RegExp(withoutUnicodeEscapes(spaces(pattern)), 'gi'), text);
      const got = scanAll(new RegExp(withoutUnicodeEscapes(source), 'g'), lower);
      return JSON.stringify(want) === JSON.stringify(got) ? [] : [`${pattern} → ${source}: ${want.length} vs ${got.length} matches`];
    };

    it('as a literal: each cased unit', () => {
      const differ: string[] = [];
      for (const [a, b] of CASED_BLOCKS) {
        for (let c = a; c <= b; c++) {
          if (inUnsafe(c) && lowerCasePattern(String.fromCharCode(c)) === null) continue;
          differ.push(...same(/[\\^$.*+?()[\]{}|/]/.test(String.fromCharCode(c)) ? `\\${String.fromCharCode(c)}` : String.fromCharCode(c)));
        }
      }
      expect(differ).toEqual([]);
    });

    it('in classes, ranges, negated classes, property escapes and class escapes', () => {
      const classes = [
        '[A-Z]', '[a-z]', '[^a-z]', '[^A-Z]', '[Gg]', '[À-Ö]', '[à-ö]', '[ÀÉ]', '[σ]', '[ς]', '[Σ]', '[^σ]', '[α-ω]', '[Α-Ω]',
        '[а-я]', '[А-Я]', '[^а-я]', '[вВ]', '[ÿ]', '[Ÿ]', '[ß]', '[İ]', '[ı]', '[iİ]', '[Ii]', '[k]', '[K]', '[å]', '[ω]', '[θ]', '[μ]',
        '[s]', '[ſ]', '[\\u0100-\\u017f]', '[\\u0180-\\u024f]', '[\\u1e00-\\u1eff]', '[\\u2c00-\\u2c5f]', '[\\u13a0-\\u13f5]', '[\\uab70-\\uabbf]',
        '[\\u10a0-\\u10ff]', '[\\uff21-\\uff3a]', '[\\u24b6-\\u24cf]',
        '\\p{L}', '[\\p{L}]', '[^\\p{L}]', '\\p{Script=Latin}', '\\p{Script=Greek}', '\\p{Script=Cyrillic}', '[\\p{L}\\p{N}]', '[^\\p{L}\\p{N}_]',
        TAIL.slice(3, -1), '[\\w]', '\\w', '\\W', '[^\\w]', '\\S', '[^\\S\\n]', '\\s', '\\d', '\\D', '.', '[-a]', '[a-]', '[^-A]', '[A\\-Z]',
        '[\\x41-\\x5a]', '\\x41', '\\u00c9', '[\\w\\u00c0-\\u00ff]', '[^.]', '[.,;]', '[\\s\\S]',
      ];
      const differ = classes.flatMap(same);
      expect(differ).toEqual([]);
    });
  });

  describe('edge cases: each path gives the "i" regex\'s matches (same start and end, so evidence quotes the text)', () => {
    const rows: Array<[string, string, string, string[]]> = [
      // [why, pattern, text, the matches "i" gives]
      ['capitals and mixed case', 'ban(?:s|ned)?', 'US BANS Huawei; Ban lifted; banned', ['3-7', '16-19', '28-34']],
      ['an all-caps headline, word-bounded', `ban${TAIL}`, 'BAN BANNED', ['0-3']],
      ['Greek final and medial sigma are both Σ under "i"', 'σας', 'ΣΑΣ σας ΣΑς', ['0-3', '4-7', '8-11']],
      ['Greek pattern written with a capital sigma', 'ΑΠΑΓΟΡΕΥΣΗ', 'απαγόρευση απαγορευση ΑΠΑΓΟΡΕΥΣΗ', ['11-21', '22-32']],
      ['Cyrillic capitals', 'запрет\\p{L}*', 'ЗАПРЕТ ЗАПРЕТИЛИ запретил', ['0-6', '7-16', '17-25']],
      ['German ß and its capital ẞ are not equal under "i" (the text with ẞ runs the "i" regex)', 'straße', 'STRAẞE straße STRASSE', ['7-13']],
      ['Turkish dotted capital İ lower-cases to two units: kept as it is', '[iİ]hracat', 'İHRACAT ihracat Ihracat', ['0-7', '8-15', '16-23']],
      ['Turkish dotless ı is not i under "i"', 'yasak', 'YASAK yasak', ['0-5', '6-11']],
      ['a dotless ı in the pattern', 'kaldırıldı', 'KALDIRILDI kaldırıldı', ['11-21']],
      ['Kelvin sign is not k under "i" (the text runs the "i" regex)', 'kw', '\u212aW kW', ['3-5']],
      ['micro sign and mu are equal under "i" (the text runs the "i" regex)', 'μ', 'µ μ', ['0-1', '2-3']],
      ['a class naming capitals in a case-insensitive cue matches lower case too, as with "i"', '[A-Z]{2,}-listed', 'us-listed US-Listed', ['0-9', '10-19']],
      ['\\b reads word characters the same in lower case', '\\bzte\\b', 'ZTE, zte2 ZTE', ['0-3', '10-13']],
      ['a lookbehind reads case-insensitively too', '(?<!not )ban', 'NOT BAN; Ban', ['9-12']],
      ['a negated class', 'ban[^a-z]', 'BANS BAN! ban.', ['5-9', '10-14']],
      ['\\S and \\W', 'ban\\S+\\W', 'BANNED! bans.', ['0-8', '8-13']],
      ['Latin extended capitals', 'zakaz\\p{L}*', 'ZAKAZAŁ Zakazał', ['0-7', '8-15']],
      ['ÿ and its capital Ÿ (outside Latin-1)', 'ÿ', 'Ÿ ÿ', ['0-1', '2-3']],
      ['an IPA capital whose lower case lies outside \\p{L}\'s ranges', 'x\\p{L}', 'XƁ xɓ', ['0-2', '3-5']],
      ['evidence offsets past an İ that toLowerCase would lengthen', 'ban', 'İİİ BAN', ['4-7']],
    ];
    for (const [why, pattern, text, want] of rows) {
      it(`${why}: ${pattern} in ${JSON.stringify(text)}`, () => {
        const { caseless, lowered } = bothWays(pattern, text);
        expect(caseless).toEqual(want);
        if (lowered !== null) expect(lowered).toEqual(want);
      });
    }

    it('texts holding a LOWER_UNSAFE unit run the "i" regex; İ alone does not', () => {
      expect(regexLower('\u212a', '\u212a'.toLowerCase())).toBeNull();
      expect(regexLower('STRAẞE', 'straße')).toBeNull();
      expect(regexLower('µ', 'µ')).toBeNull();
      expect(regexLower('İSTANBUL', null)).toBe('İstanbul');
      expect(regexLower('BAN', 'ban')).toBe('ban');
    });

    it('leaves "i" on what it does not read: backreferences, named groups, \\P{…}, identity escapes of letters, surrogates', () => {
      for (const p of ['(?:a)\\1', '(?<x>a)', '\\P{L}', '\\a', '\\k<x>', 'x\ud801\udc00', '[\ud800-\udfff]']) expect(lowerCasePattern(p), p).toBeNull();
    });

    it('keeps a lower-case pattern as it is, and lower-cases letters outside escapes only', () => {
      expect(lowerCasePattern('ban(?:s|ned)? from')).toBe(spaces('ban(?:s|ned)? from'));
      expect(lowerCasePattern('EU \\S+ Ban\\W')).toBe(spaces('eu \\S+ ban\\W'));
      expect(lowerCasePattern('\\u0041\\x42C')).toBe('abc');
      expect(lowerCasePattern('[A-]')).toBe('[\\u0061A-]');
      expect(lowerCasePattern('[-A]')).toBe('[-A\\u0061]');
    });
  });

  describe('every bundled case-insensitive cue pattern', () => {
    const rules = loadDefaultRules();
    const cues = Object.values(rules.lexicons).flatMap((l) => l.cues.filter((c) => !c.cs));

    it('is rewritten (but for a handful), and the rewrite compiles', () => {
      const kept = cues.filter((c) => lowerCasePattern(c.pattern) === null).map((c) => c.id);
      for (const c of cues) {
        const s = lowerCasePattern(c.pattern);
        if (s !== null) expect(() => new RegExp(withoutUnicodeEscapes(s), 'y'), c.id).not.toThrow();
      }
      expect(kept.length).toBeLessThan(20);
    });

    it('matches where its "i" regex matches in the labelled fixtures, as written and in capitals', () => {
      const differ: string[] = [];
      let checked = 0;
      for (const language of LANGUAGES) {
        const texts = readFileSync(join(FIXTURES, `${language}.jsonl`), 'utf8').split('\n').filter((l) => l.trim())
          .map((l) => JSON.parse(l) as { title: string; summary?: string })
          .map((it) => normalizeForMatch(it.summary ? `${it.title}\n${it.summary}` : it.title).text);
        const sample = texts.slice(0, 40).flatMap((t) => [t, t.toUpperCase()]).join('\n');
        for (const c of rules.lexicons[language]?.cues ?? []) {
          if (c.cs) continue;
          const source = lowerCasePattern(c.pattern);
          if (source === null) continue;
          const lower = regexLower(sample, sample.toLowerCase().length === sample.length ? sample.toLowerCase() : null);
          if (lower === null) continue;
          const want = scanAll(new RegExp(withoutUnicodeEscapes(`(?:${spaces(c.pattern)})${TAIL}`), 'gi'), sample);
          const got = scanAll(new RegExp(withoutUnicodeEscapes(`(?:${source})${lowerCasePattern(TAIL)}`), 'g'), lower);
          checked += want.length;
          if (JSON.stringify(want) !== JSON.stringify(got)) differ.push(`${c.id}: ${want.length} vs ${got.length}`);
        }
      }
      expect(differ).toEqual([]);
      expect(checked).toBeGreaterThan(1000);
    });
  });

  it('the classifier gives the same result for a text and for its run through the "i" regexes (a LOWER_UNSAFE unit appended)', () => {
    const texts = [
      'U.S. BANS HUAWEI EQUIPMENT FROM NATIONAL NETWORKS',
      'ΗΠΑ: ΑΠΑΓΟΡΕΥΣΗ ΤΗΣ HUAWEI ΑΠΟ ΤΑ ΔΙΚΤΥΑ 5G',
      'РОССИЯ ЗАПРЕТИЛА ПРОДАЖУ ТЕЛЕФОНОВ APPLE ГОССЛУЖАЩИМ',
      'TÜRKİYE, TİKTOK ERİŞİMİNİ ENGELLEDİ',
    ];
    for (const title of texts) {
      // ẞ survives the classifier's NFKC folding: a summary ending with it runs every regex with "i".
      const plain = classify({ title, summary: 'Details follow.' });
      const unsafe = classify({ title, summary: 'Details follow. ẞ' });
      expect(unsafe.relevant, title).toBe(plain.relevant);
      expect(JSON.stringify(unsafe.evidence), title).toBe(JSON.stringify(plain.evidence));
    }
  });
});
