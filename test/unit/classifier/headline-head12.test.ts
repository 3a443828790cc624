/**
 * Headline-only items (the Google News shape) and the causes that recur in NEW text (head12): the
 * blind tune errors of fifteen collections (r21–r27, rl, rm, rm2, rn–rn5), classified by the rules of
 * the commit that appended each one, grouped by cause. The rows below are written in other words than
 * any fixture; each group failed on the rules before head12.
 *
 * - The Turkish dotted capital İ: its lower-case is two units (i + a combining dot), so no rule read a
 *   name or word opening with it ("İtalya", "İran", "İsveç", "İngiltere"): the acting country fell back to
 *   the language's (TR). text.ts now folds İ to I on both sides (text and rules).
 * - A ban "pushed back" reads as en's "postponed" already does (lifted). The same wording in de, fr, es, it,
 *   pt, ru, uk, ja was tried and reverted: stages.test.ts reads postponing a ban not yet in force as
 *   announced there (only the enforcement of a ban in force, delayed, is a lifting).
 * - A possible / potential ban (a hedge before the ban noun) is under consideration, not in force
 *   (`<lang>.stage.proposed.possible-ban`: en de fr it pt pl ru; es reads "posible veto" as ban fears, noise).
 * - A state named by an abbreviation or a demonym the lexicon lacked (fr "USA", it "UK"/"Gran Bretagna",
 *   de "UK"/"Briten", no "amerikansk dommer", en "Swedish Court"): the country fell back to the outlet's
 *   language.
 * - One chamber or committee voting for or approving a ban is a step of the legislature, proposed (as
 *   en.stage.proposed.chamber-votes): now de, tr, ru (beyond the Duma), pt.
 * - Official scopes the lexicons lacked (zh 政府官员 and 办公设备, th อุปกรณ์ของรัฐ, ja 市政府 as a body of its own
 *   reach, ru "forbids its employees to use"); "despite a ban / sanctions" as background in de (compounds),
 *   vi, id, tr, pl, nl, ar (the other lexicons had it).
 * - A government denying a ban (no plan word) is no measure (noise, as the labelled sets read it);
 *   denying plans to ban stays a rejection (de, it).
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { google } from './helpers.js';

// [language, headline, acting country]
const TURKISH_DOTTED_I: Array<[string, string, string]> = [
  ['tr', 'İtalya, DeepSeek uygulamasını engelledi', 'IT'],
  ['tr', "İran Telegram'a erişimi kısıtladı", 'IR'],
  ['tr', "İsveç Huawei'yi 5G ihalesinden çıkardı", 'SE'],
  ['tr', "İngiltere hükümeti TikTok'u resmi telefonlarda yasakladı", 'GB'],
  ['tr', "İspanya Telegram'ı askıya aldı", 'ES'],
];

// [language, headline, acting country]: a state named by an abbreviation, a demonym or its court
const COUNTRY_FORMS: Array<[string, string, string]> = [
  ['fr', 'Les USA interdisent Kaspersky dans les administrations', 'US'],
  ['fr', "Un juge suspend l'interdiction de WeChat aux USA", 'US'],
  ['it', 'Il governo UK vieta TikTok sui telefoni dei ministri', 'GB'],
  ['it', 'Gran Bretagna, stop a Huawei nelle reti 5G', 'GB'],
  ['de', 'UK verbietet TikTok auf Regierungshandys', 'GB'],
  ['de', 'Briten verbannen Huawei aus 5G-Netz', 'GB'],
  ['no', 'Amerikansk dommer blokkerte forbud mot TikTok', 'US'],
  ['en', 'Swedish Court upholds Huawei 5G ban', 'SE'],
];

// [language, headline]: an official scope the lexicons lacked → device ban
const OFFICIAL_SCOPE: Array<[string, string]> = [
  ['zh', '越南禁止政府官员在办公时使用TikTok'],
  ['zh', '日本多个部门禁止在办公设备上安装微信'],
  ['th', 'ญี่ปุ่นแบน TikTok บนอุปกรณ์ของรัฐ'],
  ['ja', '大阪市政府、TikTokの使用を禁止'],
  ['ru', 'Минцифры запретит работникам использовать WeChat'],
];

// [language, headline]: something happens despite a ban or sanctions → not a measure
const DESPITE: Array<[string, string]> = [
  ['de', 'Trotz US-Sanktionen wächst Huawei wieder'],
  ['vi', 'Bất chấp lệnh cấm của Mỹ, Huawei vẫn tăng trưởng'],
  ['id', 'Meski Dilarang AS, Penjualan Huawei Tetap Tumbuh'],
  ['tr', 'ABD yaptırımlarına rağmen Huawei büyümeye devam ediyor'],
  ['pl', 'Mimo amerykańskich sankcji Huawei rośnie'],
  ['nl', 'Ondanks Amerikaanse sancties groeit Huawei weer'],
  ['ar', 'رغم العقوبات الأمريكية.. هواوي تواصل النمو'],
];

// [language, headline]: a reported measure with an explainer, impact or reaction tail → not news of a step
const EXPLAINER_TAIL: Array<[string, string]> = [
  ['id', 'AS Larang TikTok, Ini Tanggapan ByteDance'],
  ['id', 'Dampak Larangan Huawei bagi Operator Seluler Indonesia'],
  ['de', 'USA verbieten TikTok: Was das für Nutzer in Europa bedeutet'],
  ['fr', 'Interdiction de TikTok aux Etats-Unis : quelles conséquences pour les utilisateurs ?'],
  ['pt', 'EUA proíbem o TikTok: 10 perguntas sobre a decisão'],
];

// [language, headline]: a ban's start postponed → lifted
const POSTPONED: Array<[string, string]> = [
  ['en', 'US pushes back the WeChat ban by a week'],
];

// [language, headline]: a possible ban → proposed
const POSSIBLE_BAN: Array<[string, string]> = [
  ['en', 'Possible Huawei exclusion from New Zealand 5G'],
  ['de', 'Mögliches Verbot von WeChat in Österreich'],
  ['fr', 'Éventuelle interdiction de TikTok en Belgique : le gouvernement consulte'],
  ['it', 'Eventuale divieto di TikTok in Italia, decide il governo'],
  ['pt', 'Possível proibição do TikTok em Portugal divide o Governo'],
  ['pl', 'Możliwy zakaz TikToka w Czechach'],
  ['ru', 'В Киргизии возможна блокировка TikTok'],
];

// [language, headline]: one chamber or committee votes for a ban → proposed
const CHAMBER_VOTES: Array<[string, string]> = [
  ['de', 'US-Repräsentantenhaus stimmt für TikTok-Verbot'],
  ['tr', 'ABD Senatosu TikTok yasağını onayladı'],
  ['ru', 'Сенат США проголосовал за запрет TikTok'],
  ['ru', 'Палата представителей США одобрила запрет TikTok'],
  ['pt', 'Câmara dos EUA aprova proibição do TikTok'],
];

// [language, headline]: a denial of a ban → not a measure
const DENIES_BAN: Array<[string, string]> = [
  ['de', 'Verteidigungsministerium dementiert Telegram-Verbot für Soldaten'],
  ['de', 'Regierung dementiert Huawei-Sperre'],
  ['it', 'Il ministero smentisce il divieto di WeChat per i dipendenti'],
];

// [language, headline]: a denial of plans stays a rejection
const DENIES_PLANS: Array<[string, string]> = [
  ['de', 'Ministerium dementiert Pläne für ein TikTok-Verbot'],
  ['it', 'Il governo smentisce di voler vietare TikTok'],
];

describe('classifier', () => {
  describe('classify: headline-only, Turkish names opening with the dotted İ', () => {
    it.each(TURKISH_DOTTED_I)('[%s] reads "%s" as a measure of %s', (language, headline, country) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual([country]);
    });
  });
  describe('classify: headline-only, a state named by an abbreviation, a demonym or its court', () => {
    it.each(COUNTRY_FORMS)('[%s] reads "%s" as a measure of %s', (language, headline, country) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual([country]);
    });
  });
  describe('classify: headline-only, official scopes', () => {
    it.each(OFFICIAL_SCOPE)('[%s] reads "%s" as a device ban', (language, headline) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe('device_ban');
    });
  });
  describe('classify: headline-only, despite a ban', () => {
    it.each(DESPITE)('[%s] does not read "%s" as a measure', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });
  });
  describe('classify: headline-only, explainer and reaction tails', () => {
    it.each(EXPLAINER_TAIL)('[%s] does not read "%s" as a measure', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });
  });
  describe('classify: headline-only, a ban postponed', () => {
    it.each(POSTPONED)('[%s] reads "%s" as lifted', (language, headline) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe('lifted');
    });
  });
  describe('classify: headline-only, a possible ban', () => {
    it.each(POSSIBLE_BAN)('[%s] reads "%s" as proposed', (language, headline) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe('proposed');
    });
  });
  describe('classify: headline-only, a chamber votes for a ban', () => {
    it.each(CHAMBER_VOTES)('[%s] reads "%s" as proposed', (language, headline) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe('proposed');
    });
  });
  describe('classify: headline-only, denials', () => {
    it.each(DENIES_BAN)('[%s] does not read "%s" as a measure', (language, headline) => {
      expect(classify(google(language, headline)).relevant).toBe(false);
    });
    it.each(DENIES_PLANS)('[%s] reads "%s" as rejected', (language, headline) => {
      const c = classify(google(language, headline));
      expect(c.relevant).toBe(true);
      expect(c.stage).toBe('rejected');
    });
  });
});
