import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { item } from './helpers.js';

// bodies1: a headline naming only a state body — parliament, government, defence, telecoms regulator,
// cyber agency, data-protection authority — names the country acting (scripts/bodies.ts probes ~300
// such bodies of the ~40 countries acting most in the fixtures). Latin-script acronyms are
// case-sensitive; names several countries share (Datatilsynet, Nationalrat) are read by language or
// outlet.
describe('classifier', () => {
  describe('classify: a state body named alone is its country', () => {
    it('zh: the US customs (美国海关总署) stays the US\'s', () => {
      expect(classify(item('zh', '美国海关总署禁止进口大疆无人机', '')).countries).toEqual(['US']);
    });
    it.each([
      ['en', 'FTC bans Kaspersky software sales', 'US'],
      ['en', 'CRTC orders carriers to strip Huawei gear from 5G networks', 'CA'],
      ['en', 'Canadian Centre for Cyber Security warns agencies off DeepSeek', 'CA'],
      ['en', 'House of Commons of Canada blocks WeChat on members\' phones', 'CA'],
      ['en', 'Bundeswehr removes DJI drones from its fleet', 'DE'],
      ['en', 'ACMA orders telcos to block Telegram', 'AU'],
      ['en', 'OAIC bars DeepSeek from government devices', 'AU'],
      ['en', 'Lok Sabha bars TikTok on MPs\' devices', 'IN'],
      ['en', 'KISA bans DeepSeek on government computers', 'KR'],
      ['en', 'Tweede Kamer votes to exclude Huawei from 5G core', 'NL'],
      ['en', 'Seimas bars Huawei phones from its premises', 'LT'],
      ['en', 'ENISA bans Kaspersky from its workstations', 'EU'],
      ['en', 'EDPB bans DeepSeek on staff devices', 'EU'],
      ['en', 'Sejm passes law to exclude Huawei from 5G', 'PL'],
      ['en', 'ANCOM blocks Telegram channels after court order', 'RO'],
      ['en', 'BIPT excludes Huawei from the 5G core network', 'BE'],
      ['en', 'Eduskunta removes TikTok from members\' phones', 'FI'],
      ['en', 'Traficom orders operators to remove Huawei equipment', 'FI'],
      ['en', 'Folketing bars TikTok from its staff\'s devices', 'DK'],
      ['en', 'Nkom orders Huawei equipment out of critical networks', 'NO'],
      ['en', 'NSM advises ministries to remove Telegram from work phones', 'NO'],
      ['en', 'MCMC orders telcos to block Telegram', 'MY'],
      ['en', 'BTK blocks access to Telegram', 'TR'],
      ['en', 'Knesset bars TikTok from members\' phones', 'IL'],
      ['en', 'IDF orders soldiers to delete TikTok', 'IL'],
      ['en', 'NTC orders telcos to block Telegram', 'PH'],
      ['en', 'DICT orders agencies to stop using DeepSeek', 'PH'],
      ['en', 'NBTC orders ISPs to block Telegram', 'TH'],
      ['en', 'IMDA orders telcos to block Telegram channels', 'SG'],
      ['en', 'Verkhovna Rada bars Telegram on deputies\' devices', 'UA'],
      ['en', 'Jogorku Kenesh votes to block TikTok', 'KG'],
      ['en', 'Astana orders block of TikTok over child safety', 'KZ'],
      ['en', 'Baghdad orders telcos to block Telegram', 'IQ'],
      ['en', 'Tirana shuts down TikTok for a year', 'AL'],
      ['en', 'Cyberspace Administration orders removal of Micron chips from critical infrastructure', 'CN'],
      ['en', 'Information Commissioner\'s Office orders DeepSeek removed from staff devices', 'GB'],
      ['en', 'Belgian federal government bars DeepSeek from official devices', 'BE'],
      ['en', 'Czech Chamber of Deputies bars DeepSeek from its computers', 'CZ'],
      ['en', 'The Diet passes bill to exclude Huawei from public procurement', 'JP'],
      ['en', 'BfDI bans DeepSeek on federal devices', 'DE'],
      ['en', 'DGSI warns ministries off Telegram', 'FR'],
      ['en', 'Copasir calls for Huawei exclusion from 5G', 'IT'],
      ['en', 'AgID bars DeepSeek from public administration', 'IT'],
      ['en', 'MOIS bans DeepSeek on government PCs', 'KR'],
      ['en', 'Säpo warns against TikTok on work phones', 'SE'],
      ['en', 'Swedish Security Service warns agencies off TikTok', 'SE'],
      ['en', 'BSSN bans DeepSeek on government devices', 'ID'],
      ['en', 'Autoriteit Persoonsgegevens warns against DeepSeek', 'NL'],
      ['en', 'STF orders nationwide block of Telegram', 'BR'],
      ['en', 'Alexandre de Moraes orders Telegram blocked nationwide', 'BR'],
      ['en', 'NASK recommends removing TikTok from official phones', 'PL'],
      ['en', 'ČTÚ bars Huawei from 5G auction', 'CZ'],
      ['en', 'CSAT approves Huawei exclusion from 5G', 'RO'],
      ['en', 'RRT orders ISPs to block Telegram', 'LT'],
      ['en', 'MoITT bans TikTok on government phones', 'PK'],
      ['en', 'SBU bans Telegram on officials\' devices', 'UA'],
      ['en', 'SSSCIP bans Telegram on government devices', 'UA'],
      ['en', 'CFCS warns against DeepSeek on work phones', 'DK'],
      ['en', 'Supo warns MPs to remove TikTok', 'FI'],
      ['en', 'INCIBE bans DeepSeek on public devices', 'ES'],
      ['en', 'Riigikogu bans TikTok on staff devices', 'EE'],
      ['en', 'Saeima bans TikTok on official phones', 'LV'],
      ['en', 'Federation Council approves ban on Telegram', 'RU'],
      ['en', 'Ministry of State Security bans iPhones for officials', 'CN'],
      ['zh', '海关总署禁止进口美光芯片', 'CN'],
      ['zh', '全国人大禁止工作人员使用DeepSeek', 'CN'],
      ['zh', '數位部宣布禁用DeepSeek', 'TW'],
        // own-language rows below also held before (the language's own country); they guard the added names
      ['hi', 'लोकसभा ने टिकटॉक पर प्रतिबंध लगाया', 'IN'],
      ['ru', 'Мажилис запретил TikTok в госорганах', 'KZ'],
      ['da', 'Datatilsynet forbyder brug af DeepSeek i staten', 'DK'],
      ['no', 'Datatilsynet forbyr bruk av DeepSeek i staten', 'NO'],
    ])('[%s] reads "%s" as %s', (language, title, country) => {
      const r = classify(item(language, title, ''));
      expect(r.relevant).toBe(true);
      expect(r.countries).toEqual([country]);
    });

    it.each([
      ['https://www.spiegel.de/ausland/a', 'AT'],
      ['https://www.nzz.ch/a', 'CH'],
    ])('de: the Nationalrat is Austria\'s, or Switzerland\'s in a Swiss outlet (%s → %s)', (link, country) => {
      const r = classify({ ...item('de', 'Nationalrat verbietet TikTok auf Diensthandys', 'Das Verbot gilt ab sofort.'), link });
      expect(r.relevant).toBe(true);
      expect(r.countries).toEqual([country]);
    });
  });
});
