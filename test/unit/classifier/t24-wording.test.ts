/**
 * tune24: wording that other helpers found misread on tune items, written here in other words:
 * a Russian lifting told by a participle after the measure ("блокировка X снята", "запрет отменён"),
 * and an institution forbidding its own staff to use an app (es "prohibió a sus trabajadores",
 * id "karyawan/staf Komisi …", "perangkat perusahaannya"), which is a ban on official devices, and
 * en "launches a security review / probe / threat assessment" of an app, which is no product launch, and
 * en "Indian customs …": a demonym before customs names the acting state, as before ministry or regulator;
 * en "Governor Hochul restricts …": a governor named before a measure verb is a US state governor;
 * en "X to ban Y?" whose text says a ministry/council/regulator "is considering/working on" the ban.
 * Each row failed before these rules.
 */
import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import type { Measure, Stage } from '../../../lambdas/core/model.js';
import { expectReads, item } from './helpers.js';

// [language, title, summary, stage]
const STAGES: Array<[string, string, string, Stage]> = [
  ['ru', 'Запрет на TikTok в Узбекистане отменён', 'Об этом сообщили в министерстве.', 'lifted'],
  ['ru', 'Блокировка Telegram в Казахстане официально снята', 'Об этом сообщило министерство цифрового развития.', 'lifted'],
  ['ru', 'Санкции США против ZTE отменены', 'Компания может снова закупать американские комплектующие.', 'lifted'],
];

// the measure stays in force when the participle is negated
const NOT_LIFTED: Array<[string, string, string]> = [
  ['ru', 'Блокировка Telegram пока не снята', 'Роскомнадзор продолжает ограничивать доступ к мессенджеру.'],
  ['ru', 'Ведомство объяснило, когда блокировка WhatsApp будет снята', 'Ограничения введены из-за нарушения закона о хранении данных.'],
];

// [language, title, summary, measure]
const MEASURES: Array<[string, string, string, Measure]> = [
  ['es', 'La Eurocámara prohibió a sus trabajadores usar TikTok', 'Les dio un mes para borrar la aplicación de sus dispositivos.', 'device_ban'],
  ['es', 'El personal de la Comisión no podrá usar Telegram', 'La institución dio de plazo hasta abril para borrar la app.', 'device_ban'],
  ['id', 'Pegawai Kementerian Keuangan dilarang menginstal TikTok', 'Larangan itu berlaku mulai bulan depan.', 'device_ban'],
  ['id', 'Dewan Eropa larang TikTok di perangkat kantor', 'Larangan berlaku untuk semua pegawai lembaga itu.', 'device_ban'],
];

// a government launching a review, probe or assessment of an app it may ban is no product launch
const LAUNCHED_REVIEW: Array<[string, string, string, Stage]> = [
  ['en', 'Vietnam launches security review of TikTok as it weighs a ban', 'Officials said a ban on government phones was being studied.', 'proposed'],
  ['en', 'Kenya launched an inquiry into TikTok and may ban it', 'The regulator said a ban is among the options.', 'proposed'],
];
// a question headline whose text says a government body is considering the measure reports a proposal
const ASKED_PROPOSAL: Array<[string, string, string, Stage]> = [
  ['en', 'Vietnam to ban Temu? Ministry weighs options', 'The Ministry of Industry and Trade is considering a ban on the shopping app.', 'proposed'],
  ['en', 'Kenya to block Telegram? Regulator studies request', 'The Communications Authority of Kenya is studying whether to block the app during exams.', 'proposed'],
];
// speculation stays a question
const ASKED_ONLY: Array<[string, string, string]> = [
  ['en', 'Will the US ban TikTok?', 'Analysts say a ban remains unlikely this year.'],
];
const PRODUCT_LAUNCH: Array<[string, string, string]> = [
  ['en', 'Huawei launches new phone despite US sanctions', 'The Mate 60 went on sale on Tuesday.'],
];

// [language, title, summary, acting countries]: a demonym before "customs" names the acting state
const COUNTRIES: Array<[string, string, string, string[]]> = [
  ['en', 'Indian customs block imports of Huawei routers', 'The shipments were held at the port of Chennai.', ['IN']],
  ['en', 'Turkish Customs halts imports of DJI drones', 'The ban applies to all new shipments.', ['TR']],
  // a governor named by surname before a measure verb: a US state governor, unless a country is named
  ['en', 'Governor Hochul restricts DJI drones for agencies', 'The order covers all executive departments.', ['US']],
  ['en', 'Governor Shapiro blocks DeepSeek on agency computers', 'The directive takes effect immediately.', ['US']],
  ['en', 'Indonesia: Governor Anies bans TikTok in city offices', '', ['ID']],
];

describe('tune24 wording', () => {
  it.each(COUNTRIES)('[%s] "%s" is acted on by %j', (language, title, summary, countries) => expectReads(classify, language, title, summary, { countries }));
  it.each(LAUNCHED_REVIEW)('[%s] "%s" is %s', (language, title, summary, stage) => expectReads(classify, language, title, summary, { stage }));
  it.each(ASKED_PROPOSAL)('[%s] "%s" is %s', (language, title, summary, stage) => expectReads(classify, language, title, summary, { stage }));
  it.each(ASKED_ONLY)('[%s] "%s" stays a question', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(false);
  });
  it.each(PRODUCT_LAUNCH)('[%s] "%s" is product news', (language, title, summary) => {
    expect(classify(item(language, title, summary)).relevant).toBe(false);
  });
  it.each(STAGES)('[%s] "%s" is %s', (language, title, summary, stage) => expectReads(classify, language, title, summary, { stage }));
  it.each(NOT_LIFTED)('[%s] "%s" is not lifted', (language, title, summary) => {
    expect(classify(item(language, title, summary)).stage).not.toBe('lifted');
  });
  it.each(MEASURES)('[%s] "%s" is a %s', (language, title, summary, measure) => expectReads(classify, language, title, summary, { measure }));
});
