/**
 * The cue engine's speed devices must not change what matches: these specs compare each device
 * with the plain form it stands for.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CASED_NOT_REQUIRABLE, compileRules, cueScanner, expandFinite, firstWordKeys, foldPattern, leadingPrefixes, literalAlternatives, requirable, requiredStrings, requiredStringSets, spaces, startStrings, VENDOR_MARK, withoutPaddingSplit, withoutUnicodeEscapes, WS_CLASS, type Hit } from '../../../lambdas/core/classifier/compile.js';
import { loadDefaultRules } from '../../../lambdas/core/classifier/index.js';
import { normalizeForMatch } from '../../../lambdas/core/text.js';
import { LANGUAGES } from './helpers.js';
import * as byStrings from './support/prefix-walkers.js';

const FIXTURES = fileURLToPath(new URL('../../../fixtures/eval/', import.meta.url));
const REAL_LANGS = fileURLToPath(new URL('../../../fixtures/real-langs/', import.meta.url));

/** Headline + lead of every labelled fixture of a language, as the classifier reads them. */
function texts(language: string, dir = FIXTURES): string[] {
  return readFileSync(join(dir, `${language}.jsonl`), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { title: string; summary?: string })
    .map((it) => normalizeForMatch(it.summary ? `${it.title}\n${it.summary}` : it.title).text);
}

const brief = (hits: Hit[]): string[] => hits.map((h) => `${h.cue.id}@${h.start}-${h.end}`);


/**
 * Every match of every bundled lexicon and vendor pattern in the fixtures, compiled as the classifier
 * does (case-insensitive), checked against what `holds` says the pattern requires (null: nothing to
 * check). Returns how many matches were checked and those that lacked it.
 */
function bundledMatchesLacking(holds: (pattern: string) => ((lower: string) => boolean) | null): { checked: number; lacking: string[] } {
  const rules = loadDefaultRules();
  const patterns = [
    ...Object.values(rules.lexicons).flatMap((l) => l.cues.map((c) => c.pattern)),
    ...rules.vendorPatterns.map((p) => p.pattern.replaceAll('{V}', 'X')),
  ];
  const all = LANGUAGES.flatMap((language) => texts(language));
  let checked = 0;
  const lacking: string[] = [];
  for (const pattern of patterns) {
    const test = holds(pattern);
    if (!test) continue;
    const re = new RegExp(withoutUnicodeEscapes(spaces(pattern)), 'i');
    for (const text of all) {
      if (!re.test(text)) continue;
      checked++;
      if (!test(text.toLowerCase())) lacking.push(`${pattern} in ${text.slice(0, 60)}`);
    }
  }
  return { checked, lacking };
}

describe('core/classifier/compile', () => {
  describe('WS_CLASS', () => {
    it('matches exactly the code units [^\\S\\n] matches, with and without case folding', () => {
      // Prepare
      const listed = new RegExp(`^${WS_CLASS}$`, 'i');
      const negated = /^[^\S\n]$/i;
      const differ: number[] = [];
      // Act
      for (let c = 0; c < 0x10000; c++) {
        const ch = String.fromCharCode(c);
        if (listed.test(ch) !== negated.test(ch)) differ.push(c);
      }
      // Assess
      expect(differ).toEqual([]);
    });
  });

  describe('spaces', () => {
    /** The character loop spaces() was before speed14 made it one regex replace. */
    const byLoop = (pattern: string): string => {
      let out = '';
      let inClass = false;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern[i] as string;
        if (c === '\\') {
          out += c + (pattern[i + 1] ?? '');
          i++;
        } else if (inClass) {
          if (c === ']') inClass = false;
          out += c;
        } else if (c === '[') {
          inClass = true;
          out += c;
        } else if (c === ' ' && pattern[i + 1] === '?') {
          out += `${WS_CLASS}*`;
          i++;
        } else out += c === ' ' ? `${WS_CLASS}+` : c;
      }
      return out;
    };

    it('expands spaces outside classes and escapes as the character loop did, for every bundled pattern and edge cases', () => {
      // Prepare
      const rules = loadDefaultRules();
      const patterns = [
        ...Object.values(rules.lexicons).flatMap((l) => l.cues.map((c) => c.pattern)),
        'a [ ] b', '[] x', '[^] y', 'a\\', 'a [b\\] c] d', 'x ? y', '[ ?] ?', '\\ a', 'a [x y', ' ', ' ?', '  ?', 'a\\[ b] c',
      ];
      // Act
      const differ = patterns.filter((p) => spaces(p) !== byLoop(p));
      // Assess
      expect(differ).toEqual([]);
      expect(spaces('a [ ] b ?c')).toBe(`a${WS_CLASS}+[ ]${WS_CLASS}+b${WS_CLASS}*c`);
    });
  });

  describe('prefix walkers (startStrings, leadingPrefixes, firstWordKeys)', () => {
    it('answer as the string-concatenating walkers did (speed16), for every bundled pattern in every form analysed and edge cases', () => {
      // Prepare: each pattern as written, spaced, folded and with whitespace as one space (as CueSet asks).
      const rules = loadDefaultRules();
      const written = [
        ...Object.values(rules.lexicons).flatMap((l) => l.cues.map((c) => c.pattern)),
        ...rules.vendorPatterns.map((v) => v.pattern),
        // Unclosed groups and classes, quantified groups, nested optional groups, a class holding ")" or "|".
        '(?:a|b', 'a[b', '[a', 'a\\', '(?:ab|c)?d', '(?:a|b)??c', '(?:x)*y', '(?:a(?:b|c)?)?d', '[]a]b', '(?:a|[b)|c]d)e', '(?:a|[b|c]d)e', '(?:x[|(]|y)z',
        '(?', 'ab|(?:c|d)e?f', '(?:(?:a|b)|c)?', '\\.?x', 'x{2}', '(?:a|b){2}c', '', '|a', '(?:a|b)(?:c|d)(?:e|f)(?:g|h)z', '(?:ba|b)[nm]s?(?: on)?',
      ];
      const forms = written.flatMap((p) => [p, spaces(p), foldPattern(p), spaces(p).split(`${WS_CLASS}+`).join(' ')]);
      const calls: Array<[string, () => unknown, () => unknown]> = forms.flatMap((p) => [
        [`startStrings ${p}`, () => startStrings(p), () => byStrings.startStrings(p)],
        [`leadingPrefixes ${p}`, () => leadingPrefixes(p), () => byStrings.leadingPrefixes(p)],
        [`leadingPrefixes(1) ${p}`, () => leadingPrefixes(p, 1), () => byStrings.leadingPrefixes(p, 1)],
        [`firstWordKeys ${p}`, () => firstWordKeys(p), () => byStrings.firstWordKeys(p)],
      ] as Array<[string, () => unknown, () => unknown]>);
      // Act
      const differ = calls.filter(([, now, before]) => JSON.stringify(now()) !== JSON.stringify(before())).map(([what]) => what);
      // Assess
      expect(calls.length).toBeGreaterThan(40_000);
      expect(differ).toEqual([]);
      expect(startStrings('(?:ba|b)[nm]s?(?: on)?')).toEqual(['ban', 'ban on', 'bans', 'bans on', 'bam', 'bam on', 'bams', 'bams on', 'bn', 'bn on', 'bns', 'bns on', 'bm', 'bm on', 'bms', 'bms on']);
    });
  });

  describe('withoutUnicodeEscapes', () => {
    /** The character loop withoutUnicodeEscapes was before speed14 made it one regex replace (ranges read from its own output). */
    const byLoop = (src: string): string => {
      let out = '';
      let inClass = false;
      for (let i = 0; i < src.length; i++) {
        const c = src[i] as string;
        if (c === '\\') {
          if (src[i + 1] === 'p' && src[i + 2] === '{') {
            const close = src.indexOf('}', i);
            const ranges = withoutUnicodeEscapes(`[${src.slice(i, close + 1)}]`).slice(1, -1);
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
    };

    it('rewrites as the character loop did, for every bundled pattern (spaced, with the word-end tail) and edge cases', () => {
      // Prepare
      const rules = loadDefaultRules();
      const tail = '(?![\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}_])';
      const sources = [
        ...Object.values(rules.lexicons).flatMap((l) => l.cues.flatMap((c) => [c.pattern, `(?:${spaces(c.pattern)})${tail}`])),
        '[\\p{L}]x\\p{N}', '[]\\p{L}', '[^]\\p{L}]', '\\[\\p{L}', 'a\\', '[\\]\\p{L}]\\p{L}', '\\\\p{L}', '[[\\p{L}]\\p{L}', '\\p{N}\\t\\u00a0',
      ];
      // Act
      const differ = sources.filter((s) => withoutUnicodeEscapes(s) !== byLoop(s));
      // Assess
      expect(differ).toEqual([]);
      expect(withoutUnicodeEscapes('a\\p{N}[\\p{N}_]')).toBe('a[0-9][0-9_]');
      expect(() => withoutUnicodeEscapes('\\p{Foo}')).toThrow(/unsupported property escape/);
    });
  });

  describe('withoutPaddingSplit (speed20)', () => {
    it('finds what each bundled vendor pattern finds as written, at every mark of masked texts, with {V} before a space', () => {
      // Prepare: every vendor pattern compiled as the scanner compiles it (sticky at a mark, and
      // as a whole-text scan), on texts whose masked names pad 0–30 spaces before words, spaces,
      // punctuation and line ends.
      const rules = loadDefaultRules();
      const pad = (n: number): string => `${VENDOR_MARK}${' '.repeat(n)}`;
      const tails = [' sues the state', '  has been told to remove', ' x', ', says', ' 2.0', '\n', '', ' fights ban', ' is allowed to', '\u3000が提訴', ' (?', ' denies ban',
        // speed20: an optional mark after the name, then a space ({V}[»”"]? , {V}(?:의|の|的)? ?, {V}[、，,：:]? ?).
        '» прекратит работу', ' » уйдет из', '의 회장 "말', ' 회장 "말', '、回应：', '、 "quote', ': "A', '"'];
      const texts: string[] = [];
      for (const n of [0, 1, 5, 18, 30]) for (const t of tails) texts.push(`After banning ${pad(n)}${t}`, `${pad(n)}${t} and ${pad(3)} sues`);
      // vp.vendor-law's lookbehind before the name ("so-called", a quote), hoisted before the mark.
      for (const n of [0, 4, 18]) for (const b of ['so-called ', '"', '« ', 'the ', 'sogenannten ']) for (const t of [' law', '-Gesetz', ' ban bill', 'law', ' x']) texts.push(`${b}${pad(n)}${t}`, `${b}${pad(n)}${t}, ${b}${pad(2)}${t}`);
      let rewritten = 0;
      let compared = 0;
      for (const vp of rules.vendorPatterns ?? []) {
        const src = `(?:${spaces(vp.pattern.replaceAll('{V}', `${VENDOR_MARK}\\x20*`))})`;
        const out = withoutPaddingSplit(src);
        if (out === src) continue;
        rewritten++;
        for (const flags of ['iy', 'gi']) {
          const before = new RegExp(withoutUnicodeEscapes(src), flags);
          const after = new RegExp(withoutUnicodeEscapes(out), flags);
          for (const text of texts) {
            for (let at = 0; at < text.length; at++) {
              before.lastIndex = at;
              after.lastIndex = at;
              const b = before.exec(text);
              const a = after.exec(text);
              // Act & assess: the same match (start, text), or none.
              expect(a && [a.index, a[0]], `${vp.id} at ${at} of ${JSON.stringify(text)}`).toEqual(b && [b.index, b[0]]);
              if (b) compared++;
            }
          }
        }
      }
      // Most vendor patterns have "{V} " somewhere; not an empty comparison.
      expect(rewritten).toBeGreaterThan(20);
      expect(compared).toBeGreaterThan(100);
      // A mark without a space after it, or "\\x20*" elsewhere, is left as written.
      expect(withoutPaddingSplit(`${VENDOR_MARK}\\x20*[»]`)).toBe(`${VENDOR_MARK}\\x20*[»]`);
      expect(withoutPaddingSplit(spaces(`${VENDOR_MARK}\\x20* ?x`))).toBe(spaces(`${VENDOR_MARK} ?x`));
      // A lookbehind that ends with the name is asked before it; one with two alternatives is left.
      expect(withoutPaddingSplit(`${VENDOR_MARK}\\x20*(?<!(?:"|so-called )${VENDOR_MARK}\\x20*)law`)).toBe(`(?<!(?:"|so-called ))${VENDOR_MARK}\\x20*law`);
      expect(withoutPaddingSplit(`${VENDOR_MARK}\\x20*(?<!"|a${VENDOR_MARK}\\x20*)law`)).toBe(`${VENDOR_MARK}\\x20*(?<!"|a${VENDOR_MARK}\\x20*)law`);
    });
  });

  describe('cueScanner', () => {
    const compiled = compileRules(loadDefaultRules(), { validate: false });

    /** The classifier's two calls (restriction family first, then the others), through the common and the language set one after the other, and through the joint scanner. */
    const scanBoth = (language: string, text: string) => {
      const alone: Hit[] = [];
      const joint: Hit[] = [];
      for (const set of [compiled.common?.cues, compiled.lexicons.get(language)?.cues]) set?.scan(text, alone, 'restrict');
      for (const set of [compiled.common?.cues, compiled.lexicons.get(language)?.cues]) set?.scan(text, alone, undefined, 'restrict', false);
      const scanner = cueScanner(compiled, language);
      scanner.scan(text, joint, 'restrict');
      scanner.scan(text, joint, undefined, 'restrict', false);
      return { alone, joint };
    };

    it.each([...LANGUAGES])('finds in %s fixtures the hits of the common and the language set scanned one after the other', (language) => {
      // Prepare
      const all = texts(language);
      expect(all.length).toBeGreaterThan(50);
      for (const text of all) {
        // Act
        const { alone, joint } = scanBoth(language, text);
        // Assess: the same hits in the same order
        expect(brief(joint)).toEqual(brief(alone));
      }
    });

    // The languages added after the nine: their scanners share the common set's candidate lists.
    const added = readdirSync(REAL_LANGS).filter((f) => f.endsWith('.jsonl')).map((f) => f.slice(0, -'.jsonl'.length)).sort();

    it.each(added)('finds in %s real articles the hits of the common and the language set scanned one after the other', (language) => {
      // Prepare
      expect(compiled.lexicons.get(language)?.cues).toBeDefined();
      const all = texts(language, REAL_LANGS);
      let found = 0;
      for (const text of all) {
        // Act
        const { alone, joint } = scanBoth(language, text);
        // Assess
        expect(brief(joint)).toEqual(brief(alone));
        if (joint.length) found++;
      }
      expect(found).toBeGreaterThan(all.length / 2);
    });

    it('finds some cue in most fixtures, so the comparison above is not between empty lists', () => {
      const found = LANGUAGES.flatMap((language) => texts(language).map((text) => {
        const hits: Hit[] = [];
        cueScanner(compiled, language).scan(text, hits);
        return hits.length > 0;
      }));
      expect(found.filter(Boolean).length / found.length).toBeGreaterThan(0.9);
    });
  });

  describe('requiredStrings', () => {
    it('finds the strings every alternative must contain, lower-cased, or null when one has none', () => {
      expect(requiredStrings('entr(?:a|ó) en vigor|en vigor(?<!(?:entrarán) en vigor)')).toEqual(['vigor']);
      expect(requiredStrings('{V} (?:is |was )?(?:allowed|permitted|cleared) to')).toEqual(['allowed', 'permitted', 'cleared']);
      expect(requiredStrings('Ban(?:s|ned)?')).toEqual(['ban']);
      expect(requiredStrings('ab?c|xyz')).toBeNull();
      expect(requiredStrings('\\p{L}+ (?:sues|sued)')).toEqual(['sues', 'sued']);
    });

    it('never names a string a real match lacks: every match of every bundled pattern in the fixtures contains one', () => {
      const { checked, lacking } = bundledMatchesLacking((pattern) => {
        const req = requiredStrings(pattern);
        return req && ((lower) => req.some((r) => lower.includes(r)));
      });
      expect(lacking).toEqual([]);
      expect(checked).toBeGreaterThan(500);
    });

    it('names strings of accented Latin, Greek and Cyrillic letters, breaking only at letters whose case class lower-cases apart (speed18)', () => {
      // Arrange: words no cue reads, one of each alternative kind.
      const patterns = ['X (?:enttäuscht|déçue?|decepcionad[oa])', 'X (?:добровольно|voluntarily)', 'X [^.]{0,30}?(?:perjudicará|dañará)'];
      // Act
      const found = patterns.map((p) => requiredStrings(p));
      // Assess: before, a letter outside ASCII ended every string: the first two were null ("déçu" had no two
      // letters in a row), the third ["perjudicar", "da"].
      expect(found).toEqual([['enttäuscht', 'déçu', 'decepcionad'], ['льн', 'voluntarily'], ['perjudicará', 'dañará']]);
      // в, о and д share their upper case with units of U+1C80–U+1C88 that lower-case apart; σ/ς one Σ.
      expect(requiredStrings('X (?:вод|σας)')).toBeNull();
    });

    it('lets a required string hold a unit only when every unit of its case class lower-cases to the same one unit', () => {
      // Arrange: the case class of a unit as a case-insensitive regex without "u" sees it (same upper case).
      const upper = (x: number): number => {
        const u = String.fromCharCode(x).toUpperCase();
        return u.length !== 1 || (x >= 128 && u.charCodeAt(0) < 128) ? x : u.charCodeAt(0);
      };
      const classes = new Map<number, Set<string>>();
      for (let x = 0; x < 65536; x++) {
        const k = upper(x);
        let lowers = classes.get(k);
        if (!lowers) classes.set(k, (lowers = new Set()));
        lowers.add(String.fromCharCode(x).toLowerCase());
      }
      const wrong: string[] = [];
      const listedButSafe: string[] = [];
      // Act
      for (let c = 0xc0; c <= 0x1eff; c++) {
        if (c > 0x52f && c < 0x1e00) continue;
        const lowers = classes.get(upper(c)) as Set<string>;
        const safe = lowers.size === 1 && [...lowers][0]!.length === 1;
        if (requirable(c) && !safe) wrong.push(String.fromCharCode(c));
        if (!requirable(c) && safe) listedButSafe.push(String.fromCharCode(c));
      }
      // Assess: the premise holds for every unit allowed, and the list names no unit it need not.
      expect(wrong).toEqual([]);
      expect(listedButSafe).toEqual([]);
      expect(CASED_NOT_REQUIRABLE.length).toBeGreaterThan(40);
      // A case-insensitive regex agrees: в also matches ᲀ (U+1C80), which lower-cases to itself.
      expect(/в/i.test('\u1c80')).toBe(true);
    });

    it('also names one-character strings when asked (single): a lone CJK character, a short list of caseless characters', () => {
      expect(requiredStrings('(?<![不严解])禁(?:新|售)? ?X', true)).toEqual(['禁']);
      expect(requiredStrings('(?:约谈|召见|召)[^。]{0,3}X', true)).toEqual(['约谈', '召见', '召']);
      expect(requiredStrings('[|｜]X[：:]', true)).toEqual(['|', '｜']);
      // Not without `single`; not for ranges, negated or optional lists, nor a lone ASCII character outside a list.
      expect(requiredStrings('(?<![不严解])禁(?:新|售)? ?X')).toBeNull();
      expect(requiredStrings('[a-c]x', true)).toBeNull();
      expect(requiredStrings('[^|]y', true)).toBeNull();
      expect(requiredStrings('[|｜]?z', true)).toBeNull();
      expect(requiredStrings('[ab]', true)).toEqual(['a', 'b']);
      expect(requiredStrings('a', true)).toBeNull();
      // A longer string wins over one character.
      expect(requiredStrings('[|｜]Ban', true)).toEqual(['ban']);
    });

    it('never names a one-character string a real match lacks (single): every match of every bundled pattern in the fixtures contains one', () => {
      const { checked, lacking } = bundledMatchesLacking((pattern) => {
        const req = requiredStrings(pattern, true);
        return req && ((lower) => req.some((r) => lower.includes(r)));
      });
      expect(lacking).toEqual([]);
      expect(checked).toBeGreaterThan(500);
    });
  });

  describe('requiredStringSets', () => {
    it('lists, per alternative, every set of strings one of which its matches contain, or null when an alternative has none', () => {
      expect(requiredStringSets('will (?:\\S+ ){0,1}(?:fund|reimburse)')).toEqual([[['will'], ['fund', 'reimburse']]]);
      expect(requiredStringSets('setzt (?:\\S+ ){0,4}(?:Verbot|Sperre) aus\\b|Verbot ausgesetzt')).toEqual([
        [['setzt'], ['verbot', 'sperre'], ['aus']],
        [['verbot'], ['ausgesetzt']],
      ]);
      expect(requiredStringSets('ab?c|xyz')).toBeNull();
    });

    it('never names a set a real match lacks: every match of every bundled pattern in the fixtures holds a string of each set of one alternative', () => {
      const { checked, lacking } = bundledMatchesLacking((pattern) => {
        const alts = requiredStringSets(pattern);
        return alts && ((lower) => alts.some((sets) => sets.every((set) => set.some((r) => lower.includes(r)))));
      });
      expect(lacking).toEqual([]);
      expect(checked).toBeGreaterThan(500);
    });
  });

  describe('startStrings', () => {
    it('finds the lower-cased starts of every match, cut where the pattern stops being plain, or null when a start is unknown', () => {
      const sorted = (x: string[] | null) => x && [...x].sort();
      expect(sorted(startStrings(`ban(?:s|ned)?${spaces(' ')}from`))).toEqual(['ban from', 'banned from', 'bans from']);
      expect(sorted(startStrings('(?:Federal|state) ?agenc\\p{L}*'))).toEqual(['federal agenc', 'federalagenc', 'state agenc', 'stateagenc']);
      expect(startStrings('verbot\\p{L}*|Sperr')).toEqual(['verbot', 'sperr']);
      // A letter that is not ASCII ends the start (its case folding is not the lower-casing's).
      expect(startStrings('zakazał[a-z]*')).toEqual(['zakaza']);
      expect(startStrings('\\p{L}+ sues')).toBeNull();
      expect(startStrings('(?<=passes )senate')).toBeNull();
    });

    it('never misses a real match: every match of every bundled pattern in the fixtures starts with one of its start strings', () => {
      // Prepare: every lexicon pattern that stays a regex, as the classifier compiles it (spaced, case-insensitive)
      const rules = loadDefaultRules();
      const patterns = Object.values(rules.lexicons).flatMap((l) => l.cues.map((c) => c.pattern))
        .filter((p) => !literalAlternatives(p) && !expandFinite(p)).map(spaces);
      const all = LANGUAGES.flatMap((language) => texts(language));
      let checked = 0;
      const missed: string[] = [];
      // Act
      for (const pattern of patterns) {
        const starts = startStrings(pattern);
        if (!starts) continue;
        const re = new RegExp(withoutUnicodeEscapes(pattern), 'gi');
        for (const text of all) {
          const lower = text.toLowerCase();
          if (lower.length !== text.length) continue;
          for (const m of text.matchAll(re)) {
            checked++;
            if (!starts.some((x) => lower.startsWith(x, m.index))) missed.push(`${pattern} at ${text.slice(m.index, m.index + 40)}`);
          }
        }
      }
      // Assess
      expect(missed).toEqual([]);
      expect(checked).toBeGreaterThan(1000);
    });
  });

  describe('pattern analyses of a spaced cue (CueSet reads them off the pattern before spaces(), speed13)', () => {
    const analyses = (p: string) => [startStrings(p), requiredStringSets(p), requiredStrings(p), requiredStrings(p, true)];

    it('give the same answer for a pattern as written as for its spaced form', () => {
      for (const p of ['ban(?:s|ned)? from', '앱 ?마켓 (?:퇴출|금지)', 'will (?:not )?be banned', '[a-z ]+ sues', 'entr(?:a|ó) en vigor|en vigor', 'export (?:control|ban)s? on \\p{L}+']) {
        expect(analyses(spaces(p)), p).toEqual(analyses(p));
      }
    });

    it('give the same answer for every bundled lexicon pattern, folded as CueSet folds it', () => {
      // Prepare
      const rules = loadDefaultRules();
      const patterns = Object.values(rules.lexicons).flatMap((l) => l.cues.map((c) => foldPattern(c.pattern))).filter((p) => p.includes(' '));
      // Act
      const differ = patterns.filter((p) => JSON.stringify(analyses(spaces(p))) !== JSON.stringify(analyses(p)));
      // Assess
      expect(differ).toEqual([]);
      expect(patterns.length).toBeGreaterThan(1500);
    });
  });
});
