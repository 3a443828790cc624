/**
 * Cost bound: no input makes one classification, or the normalisation of one feed field, cost more
 * than 20 ms (the classifier issue's bound). Pathological HTML, huge text, many vendor names,
 * repeated cue words, deep and unclosed tags, long runs of one character and random Unicode, each
 * timed as the fastest of a few runs: other processes on a loaded two-core machine can slow any one
 * run, not all of them, and the fastest run is the input's own cost.
 * Speed itself is measured by `npm run bench`, not here.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { readLead, readTitle } from '../../../lambdas/core/feed/parse.js';
import { normalizeForMatch } from '../../../lambdas/core/text.js';

const BOUND_MS = 20;
const RUNS = 7;

function costMs(fn: () => unknown): number {
  fn(); // first use: JIT and regex compilation are not what is bounded here
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    fn();
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** A deterministic pseudo-random generator (the core takes no randomness; neither does this test). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomUnicode(n: number, seed: number): string {
  const r = rng(seed);
  let out = '';
  for (let i = 0; i < n; i++) {
    const pick = r();
    // Mostly BMP letters of every block, some astral characters, format characters and markup.
    if (pick < 0.05) out += '<';
    else if (pick < 0.08) out += '\u00ad';
    else if (pick < 0.1) out += String.fromCodePoint(0x10000 + Math.floor(r() * 0x1ffff));
    else out += String.fromCharCode(0x20 + Math.floor(r() * 0xd7df));
  }
  return out;
}

const BIG = 200_000;
const VENDORS = 'Huawei ZTE TikTok Hikvision Dahua Kaspersky DeepSeek DJI Xiaomi Temu 华为 中兴 ファーウェイ 화웨이 ';

const INPUTS: Array<[string, string]> = [
  ['"<p" repeated with no ">"', '<p'.repeat(BIG / 2)],
  ['unclosed tags', '<div class="a" '.repeat(BIG / 15)],
  ['deeply nested tags', `${'<div><span><a href="x">'.repeat(8000)}Huawei ban${'</a></span></div>'.repeat(8000)}`],
  ['unpaired CDATA openers', '<![CDATA['.repeat(BIG / 9)],
  ['unclosed comments and scripts', '<!--<script><style>'.repeat(BIG / 19)],
  ['entity soup', '&amp;lt;p&gt;&#x2060;&shy;&#0;&bogus;'.repeat(BIG / 36)],
  ['one character repeated', 'a'.repeat(BIG)],
  ['one CJK character repeated', '国'.repeat(BIG)],
  ['spaces and newlines', ' \n\t'.repeat(BIG / 3)],
  ['format characters', '\u00ad\u2060\u200b\u202e\ufeff'.repeat(BIG / 5)],
  ['full-width Latin', 'ＴｉｋＴｏｋ禁止、'.repeat(BIG / 9)],
  ['many vendor names', VENDORS.repeat(BIG / VENDORS.length)],
  ['repeated cue words', 'US bans Huawei ban banned will be banned government ministry sanctions '.repeat(BIG / 70)],
  ['related-article markers', 'Related articles Read more 関連記事 관련기사 We use cookies. '.repeat(BIG / 55)],
  ['a sidebar of links', `<ul>${'<li><a href="/x">US bans Huawei</a></li>'.repeat(BIG / 45)}</ul>`],
  ['random Unicode', randomUnicode(BIG, 7)],
];

describe('core/classifier (cost bound)', () => {
  describe('classify', () => {
    it.each(INPUTS)('classifies %s within the bound', (_name, text) => {
      const ms = costMs(() => classify({ title: text.slice(0, 5000), summary: text, language: null }));
      expect(ms).toBeLessThan(BOUND_MS);
    });
  });

  describe('feed field normalisation (readTitle, readLead, normalizeForMatch)', () => {
    it.each(INPUTS)('reads %s as a title, as a lead and as text to match within the bound', (_name, text) => {
      // What the feed parser does with one raw field (cut to its reading window inside).
      expect(costMs(() => readTitle(text))).toBeLessThan(BOUND_MS);
      expect(costMs(() => readLead(text, 'US bans Huawei'))).toBeLessThan(BOUND_MS);
      // The classifier normalises at most a 500-character headline and a 2,000-character lead.
      expect(costMs(() => normalizeForMatch(text.slice(0, 2_501)))).toBeLessThan(BOUND_MS);
    });
  });
});
