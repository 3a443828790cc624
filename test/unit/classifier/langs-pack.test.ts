import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ADDED_LEXICONS } from '../../../lambdas/core/classifier/rules/langs.js';
import { ADDED_CODES, addedLexiconsJson } from '../../../scripts/pack-langs.js';

const NINE = ['xx', 'en', 'fr', 'de', 'es', 'it', 'pt', 'ja', 'zh', 'ko'];

describe('classifier', () => {
  describe('packed lexicons of the added languages (rules/langs.packed.ts)', () => {
    it('are exactly the rules/lang/<code>.json files (else run: npx tsx scripts/pack-langs.ts)', () => {
      expect(ADDED_LEXICONS).toEqual(JSON.parse(addedLexiconsJson()));
    });

    it('cover every lexicon file beyond the first nine', () => {
      const files = readdirSync(new URL('../../../lambdas/core/classifier/rules/lang/', import.meta.url))
        .map((f) => f.replace(/\.json$/, ''))
        .filter((c) => !NINE.includes(c));
      expect([...ADDED_CODES].sort()).toEqual(files.sort());
      expect(Object.keys(ADDED_LEXICONS)).toEqual(ADDED_CODES);
    });

    it('name countries by ISO 3166-1 alpha-2 code (or EU) in every country cue and country map', () => {
      const bad: string[] = [];
      for (const [code, lexicon] of Object.entries(ADDED_LEXICONS)) {
        for (const cue of lexicon.cues) {
          const codes = [...(cue.country ? [cue.country] : []), ...Object.keys(cue.countryMap ?? {})];
          for (const c of codes) if (!/^(?:[A-Z]{2})$/.test(c)) bad.push(`${code} ${cue.id}: ${c}`);
        }
      }
      expect(bad).toEqual([]);
    });
  });
});
