/**
 * Feed shapes: the project's labelled items (every *.jsonl of fixtures/eval and, when present,
 * fixtures/real) scored as delivered clean and as real feeds deliver them:
 *  (a) as Google News items: title "<headline> - <Outlet>", description a link to the headline and
 *      the outlet's name, no lead at all;
 *  (b) with soft hyphens or word joiners inside vendor names, full-width Latin in CJK text,
 *      all-caps headlines;
 *  (c) with a related-articles sidebar of unrelated vendor news after the lead (as plain text or
 *      as HTML), in the item's language.
 * Targets from the classifier issue: relevance F1 drops by at most .06 (a; relative to the clean
 * headline + lead), .02 (b) and .04 (c).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { classify, loadDefaultRules } from '../../../lambdas/core/classifier/index.js';
import type { ClassifierInput } from '../../../lambdas/core/model.js';
import type { GoldItem } from '../../../scripts/real-eval.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const DIRS = ['fixtures/eval', 'fixtures/real'].map((d) => join(ROOT, d)).filter((d) => existsSync(d));

type Gold = GoldItem;

const gold: Gold[] = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter((l) => l.trim()))
    .map((l) => JSON.parse(l) as Gold),
);

const f1 = (tp: number, fp: number, fn: number) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn));

/** Relevance F1, as eval.test.ts and score.mjs count it. */
function relevanceF1(items: Gold[], shape: (g: Gold, i: number) => ClassifierInput): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  items.forEach((g, i) => {
    const p = classify(shape(g, i));
    if (g.relevant && p.relevant) tp++;
    else if (p.relevant) fp++;
    else if (g.relevant) fn++;
  });
  return f1(tp, fp, fn);
}

const OUTLETS: Record<string, string[]> = {
  en: ['Reuters', 'The Japan Times', 'South China Morning Post', 'BBC', 'The Korea Herald', 'Euronews.com', 'Nikkei Asia', 'The Times of India', 'CNBC', 'Federal Communications Commission (.gov)'],
  fr: ['Le Monde', 'Franceinfo', 'Les Echos', 'RFI', 'Le Figaro', 'Radio-Canada.ca'],
  de: ['tagesschau.de', 'heise online', 'DER SPIEGEL', 'Handelsblatt', 'ZEIT ONLINE', 'n-tv NACHRICHTEN', 'Deutsche Welle'],
  es: ['El País', 'Europa Press', 'El Mundo', 'Infobae', 'EFE', 'Xataka México'],
  it: ['Corriere della Sera', 'la Repubblica', 'ANSA', 'Il Sole 24 ORE', 'Wired Italia'],
  pt: ['Folha de S.Paulo', 'g1', 'Público', 'Exame', 'Tecnoblog'],
  ja: ['日本経済新聞', 'NHKニュース', '読売新聞オンライン', 'ITmedia', 'ロイター'],
  zh: ['新浪财经', '联合早报', 'BBC 中文', '中央社', '澎湃新闻'],
  ko: ['연합뉴스', '조선일보', '한국경제', 'ZDNet Korea', 'KBS 뉴스'],
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** (a) A Google News RSS item: the headline with the outlet, a description linking to it. */
function googleNews(g: Gold, i: number): ClassifierInput {
  const list = OUTLETS[g.language ?? 'en'] ?? (OUTLETS['en'] as string[]);
  const outlet = list[i % list.length] as string;
  const link = `https://news.google.com/rss/articles/CBMi${i.toString(36)}?oc=5`;
  return {
    id: g.id,
    title: `${g.title} - ${outlet}`,
    summary: `<a href="${link}" target="_blank">${escapeHtml(g.title)}</a>&nbsp;&nbsp;<font color="#6f6f6f">${escapeHtml(outlet)}</font>`,
    language: g.language ?? null,
    feed: g.feed ?? null,
  };
}

const headlineOnly = (g: Gold): ClassifierInput => ({ id: g.id, title: g.title, language: g.language ?? null, feed: g.feed ?? null });
const clean = (g: Gold): ClassifierInput => g;

const VENDOR_NAMES = (() => {
  const rules = loadDefaultRules();
  const names = new Set<string>();
  for (const [canonical, aliases] of Object.entries(rules.vendors)) for (const a of [canonical, ...aliases]) if ([...a].length >= 3) names.add(a);
  return [...names].sort((a, b) => b.length - a.length);
})();
const VENDOR_RE = new RegExp(VENDOR_NAMES.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');

/** (b) An invisible character in the middle of every vendor name. */
function insideVendors(ch: string): (g: Gold) => ClassifierInput {
  const put = (s: string | null | undefined) =>
    s ? s.replace(VENDOR_RE, (name) => { const cs = [...name]; const mid = Math.floor(cs.length / 2); return cs.slice(0, mid).join('') + ch + cs.slice(mid).join(''); }) : s;
  return (g) => ({ ...g, title: put(g.title) as string, summary: put(g.summary) ?? null });
}

const CJK = new Set(['ja', 'zh', 'ko']);
/** (b) Latin letters and digits in CJK text written full-width (ＴｉｋＴｏｋ, ５Ｇ). */
function fullWidth(g: Gold): ClassifierInput {
  if (!CJK.has(g.language ?? '')) return g;
  const wide = (s: string | null | undefined) => (s ? s.replace(/[A-Za-z0-9]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : s);
  return { ...g, title: wide(g.title) as string, summary: wide(g.summary) ?? null };
}

/** (b) An all-caps headline, where the script has case. */
function allCaps(g: Gold): ClassifierInput {
  return CJK.has(g.language ?? '') ? g : { ...g, title: g.title.toUpperCase() };
}

const SIDEBARS: Record<string, [string, string[]]> = {
  en: ['Related articles', ['US bans Huawei equipment from federal networks', 'Xiaomi unveils new flagship phone with Leica cameras', 'TikTok fined by court over data transfers']],
  fr: ['À lire aussi', ['Les États-Unis interdisent les équipements Huawei', 'Xiaomi dévoile un nouveau smartphone', 'TikTok condamné à une amende par la justice']],
  de: ['Lesen Sie auch', ['USA verbieten Huawei-Ausrüstung in Bundesnetzen', 'Xiaomi stellt neues Smartphone vor', 'TikTok muss Strafe zahlen: Gericht urteilt']],
  es: ['Lee también', ['EE UU prohíbe los equipos de Huawei', 'Xiaomi presenta su nuevo teléfono', 'Un tribunal multa a TikTok por la transferencia de datos']],
  it: ['Leggi anche', ['Gli Stati Uniti vietano le apparecchiature Huawei', 'Xiaomi presenta il nuovo smartphone', 'TikTok multata dal tribunale']],
  pt: ['Leia também', ['EUA proíbem equipamentos da Huawei', 'Xiaomi lança novo celular', 'TikTok é multado pela Justiça']],
  ja: ['関連記事', ['米政府、ファーウェイ製品を禁止', 'シャオミが新型スマホを発表', 'TikTokに制裁金、裁判所が命令']],
  zh: ['相关阅读', ['美国禁止华为设备进入联邦网络', '小米发布新款旗舰手机', '法院对TikTok处以罚款']],
  ko: ['관련기사', ['미국, 화웨이 장비 금지', '샤오미, 새 스마트폰 공개', '법원, 틱톡에 벌금 부과']],
};

/** (c) The lead followed by a related-articles sidebar: plain text or HTML, alternately. */
function withSidebar(g: Gold, i: number): ClassifierInput {
  const [marker, heads] = SIDEBARS[g.language ?? 'en'] ?? (SIDEBARS['en'] as [string, string[]]);
  const lead = g.summary ?? '';
  const cjk = CJK.has(g.language ?? '');
  const summary =
    i % 2 === 0
      ? `${lead}${cjk ? '' : ' '}${marker}${cjk ? '：' : ': '}${heads.join(cjk ? '。' : '. ')}${cjk ? '。' : '.'}`
      : `<p>${escapeHtml(lead)}</p><aside class="related"><h3>${marker}</h3><ul>${heads.map((h, k) => `<li><a href="/story/${k}">${escapeHtml(h)}</a></li>`).join('')}</ul></aside>`;
  return { ...g, summary };
}

describe('core/classifier (feed shapes)', () => {
  const base = relevanceF1(gold, clean);

  describe('classify', () => {
    it('reads labelled items from every fixture directory that exists', () => {
      expect(gold.length).toBeGreaterThanOrEqual(1000);
      expect(base).toBeGreaterThan(0.9);
    });

    it('loses at most .06 relevance F1 on Google News items (headline and outlet only)', () => {
      const gn = relevanceF1(gold, googleNews);
      // The aggregator's shape costs nothing beyond losing the lead.
      expect(Math.abs(gn - relevanceF1(gold, headlineOnly)), `google news ${gn.toFixed(3)}`).toBeLessThanOrEqual(0.005);
      expect(base - gn, `clean ${base.toFixed(3)}, google news ${gn.toFixed(3)}`).toBeLessThanOrEqual(0.06);
    });

    it.each([
      ['soft hyphens inside vendor names', insideVendors('\u00ad')],
      ['word joiners inside vendor names', insideVendors('\u2060')],
      ['zero-width spaces inside vendor names', insideVendors('\u200b')],
      ['full-width Latin in CJK text', fullWidth],
      ['all-caps headlines', allCaps],
    ] as const)('loses at most .02 relevance F1 with %s', (_name, shape) => {
      const f = relevanceF1(gold, shape);
      expect(base - f, `clean ${base.toFixed(3)}, shaped ${f.toFixed(3)}`).toBeLessThanOrEqual(0.02);
    });

    it('loses at most .04 relevance F1 with a related-articles sidebar after the lead', () => {
      const f = relevanceF1(gold, withSidebar);
      expect(base - f, `clean ${base.toFixed(3)}, with sidebar ${f.toFixed(3)}`).toBeLessThanOrEqual(0.04);
    });
  });
});
