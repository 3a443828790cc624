import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { htmlToText } from '../../../lambdas/core/text.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'eval');
const items = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.jsonl'))
  .flatMap((f) => readFileSync(join(FIXTURES, f), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)));

/** Letters of space-delimited words (Latin, Hangul): a phrase must not start or end inside one. */
const WORD = /[A-Za-z0-9\u00c0-\u024f\uac00-\ud7af]/;

describe('classifier evidence', () => {
  describe('classify', () => {
    it.each([
      ['ja', 'デジタル庁、DeepSeekの業務利用を禁止', 'DeepSeekの業務利用を禁止'],
      ['ko', '정부, 공공기관 딥시크 사용 금지 검토', '공공기관 딥시크 사용 금지 검토'],
    ])('quotes whole words and clauses in %s', (language, title, phrase) => {
      const c = classify({ title, language });
      expect(c.evidence).toContain(phrase);
    });

    it('quotes only phrases that occur in the item, never cut inside a word, for every labelled fixture', () => {
      const bad: string[] = [];
      for (const item of items) {
        const text = `${htmlToText(item.title)} ${htmlToText(item.summary ?? '')}`;
        for (const phrase of classify(item).evidence) {
          const at = text.indexOf(phrase);
          if (at < 0) {
            bad.push(`${item.id}: "${phrase}" is not in the text`);
            continue;
          }
          // The phrase may also occur inside a longer word elsewhere ("valuta" in "valutano"): one clean occurrence is enough.
          let clean = false;
          for (let i = at; i >= 0 && !clean; i = text.indexOf(phrase, i + 1)) {
            const before = text[i - 1] ?? ' ';
            const after = text[i + phrase.length] ?? ' ';
            clean = !((WORD.test(before) && WORD.test(phrase[0]!)) || (WORD.test(after) && WORD.test(phrase.at(-1)!)));
          }
          if (!clean) bad.push(`${item.id}: "${phrase}" cuts a word`);
        }
      }
      expect(bad).toEqual([]);
    });
  });
});
