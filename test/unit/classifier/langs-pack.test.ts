import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COUNTRY_NAMES, LEXICONS, VENDOR_PATTERNS } from '../../../lambdas/core/classifier/rules/langs.js';
import { ADDED_CODES, FIRST_CODES, PACKED_CODES, packedActorsJson, packedCountryNamesJson, packedLexiconsJson, packedVendorPatternsJson } from '../../../scripts/pack-langs.js';
import { PACKED_ACTORS } from '../../../lambdas/core/rules/actors.packed.js';
import { unpackJson } from '../../../lambdas/core/packed.js';


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
