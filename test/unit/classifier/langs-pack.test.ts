import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTRY_NAMES, LEXICONS, VENDOR_PATTERNS } from '../../../lambdas/core/classifier/rules/langs.js';
import { ADDED_CODES, FIRST_CODES, PACKED_CODES, packedActorsJson, packedCountryNamesJson, packedLexiconsJson, packedVendorPatternsJson } from '../../../scripts/pack-langs.js';
import { PACKED_ACTORS } from '../../../lambdas/core/rules/actors.packed.js';
import { BASE91_DIGITS, base91Decode, base91Encode, unpackJson } from '../../../lambdas/core/packed.js';


describe('classifier', () => {
  describe('packed lexicons (rules/langs.packed.ts)', () => {
    it('are exactly the rules/lang/<code>.json files (else run: npm run pack:langs)', () => {
      expect(LEXICONS).toEqual(JSON.parse(packedLexiconsJson()));
    });

    it('carry exactly rules/country-names.json (else run: npm run pack:langs)', () => {
      expect(COUNTRY_NAMES).toEqual(JSON.parse(packedCountryNamesJson()));
      expect(Object.keys(COUNTRY_NAMES)).toContain('en');
      expect(Object.keys(COUNTRY_NAMES.en ?? {}).length).toBeGreaterThan(150);
    });

    it('carry exactly rules/vendor-patterns.json, in its order (else run: npm run pack:langs)', () => {
      expect(VENDOR_PATTERNS).toEqual(JSON.parse(packedVendorPatternsJson()));
      expect(VENDOR_PATTERNS.map((p) => p.id)).toEqual((JSON.parse(packedVendorPatternsJson()) as Array<{ id: string }>).map((p) => p.id));
    });

    it('carry exactly lambdas/core/rules/actors.json in actors.packed.ts (else run: npm run pack:langs)', () => {
      const actors = unpackJson(PACKED_ACTORS) as Record<string, unknown>;
      expect(actors).toEqual(JSON.parse(packedActorsJson()));
      expect(Object.keys(actors)).toContain('US');
    });

    it('are base91 text (speed19): 91 digits, no quote or backslash, every byte sequence round-trips', () => {
      expect(BASE91_DIGITS).toHaveLength(91);
      expect(new Set(BASE91_DIGITS).size).toBe(91);
      expect(BASE91_DIGITS).not.toMatch(/["'\\\s]/);
      // Lengths around the 13/14-bit groups, all-zero and all-one bytes, and a pseudo-random run.
      let seed = 7;
      const random = (n: number) => Uint8Array.from({ length: n }, () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) >> 16) & 255);
      for (let n = 0; n <= 40; n++) {
        for (const bytes of [new Uint8Array(n), new Uint8Array(n).fill(255), random(n)]) {
          expect([...base91Decode(base91Encode(bytes))]).toEqual([...bytes]);
        }
      }
      const big = random(5000);
      const text = base91Encode(big);
      expect(text.length).toBeLessThan(5000 * 1.24);
      expect([...base91Decode(text)]).toEqual([...big]);
      expect(() => base91Decode('ab"c')).toThrow(/base91/);
    });

    it('cover every lexicon file', () => {
      const files = readdirSync(new URL('../../../lambdas/core/classifier/rules/lang/', import.meta.url)).map((f) => f.replace(/\.json$/, ''));
      expect([...PACKED_CODES].sort()).toEqual(files.sort());
      expect(Object.keys(LEXICONS)).toEqual([...FIRST_CODES, ...ADDED_CODES]);
    });

    it('name countries by ISO 3166-1 alpha-2 code (or EU) in every country cue and country map', () => {
      const bad: string[] = [];
      for (const [code, lexicon] of Object.entries(LEXICONS)) {
        for (const cue of lexicon.cues) {
          const codes = [...(cue.country ? [cue.country] : []), ...Object.keys(cue.countryMap ?? {})];
          for (const c of codes) if (!/^(?:[A-Z]{2})$/.test(c)) bad.push(`${code} ${cue.id}: ${c}`);
        }
      }
      expect(bad).toEqual([]);
    });
  });
});
