import { describe, expect, it } from 'vitest';
import { classify, loadDefaultRules } from '../../../lambdas/core/classifier/index.js';
import { dominantScript, guessLanguage } from '../../../lambdas/core/classifier/langid.js';

describe('langid', () => {
  describe('guessLanguage', () => {
    // Headlines and leads as outlets print them: close neighbours must come apart.
    it.each([
      ['sv', 'Regeringen förbjuder Tiktok på tjänstetelefoner', 'Anställda på myndigheter får inte längre ha appen installerad, och förbudet gäller från och med nästa vecka.'],
      ['da', 'Forsvarsministeriet forbyder TikTok på arbejdstelefoner', 'Ministeriet har besluttet, at ansatte skal slette appen, efter at Center for Cybersikkerhed frarådede brugen af den.'],
      ['no', 'Regjeringen innfører forbud mot TikTok på jobbtelefoner', 'Ingen statsråder skal ha appen på tjenestetelefonene sine, og forbudet får umiddelbar virkning etter en vurdering fra NSM.'],
      ['no', 'Telenor: – Huawei er ein viktig samarbeidspartnar', 'PST-sjefen ber selskapa vere obs på kva utstyr dei kjøper, og seier at ho ikkje vil kommentere enkeltsaker.'],
      ['fi', 'Valtioneuvosto kielsi Tiktokin virkapuhelimissa', 'Ministeriöiden henkilökuntaa on ohjeistettu poistamaan sovellus, koska sen tietoturvasta ei ole varmuutta.'],
      ['et', 'Riigiametnike telefonides keelatakse TikTok', 'Minister ütles, et kõigis keskhallatavates seadmetes pannakse see sel kuul kinni ning installimine keelatakse.'],
      ['cs', 'Vláda zakázala používat ve státní správě produkty firmy DeepSeek', 'Rozhodla tak na základě doporučení úřadu, podle kterého existuje riziko při ochraně dat uživatelů.'],
      ['sk', 'Parlament zakázal zamestnancom používať TikTok', 'Aplikácia bude zablokovaná v celej infraštruktúre parlamentu, uviedla kancelária, podľa ktorej sú riziká vážne.'],
      ['pl', 'Rząd przyjął projekt nowelizacji ustawy o cyberbezpieczeństwie', 'Nowe przepisy pozwolą wskazać dostawców wysokiego ryzyka, których sprzęt będzie musiał zostać wycofany z sieci.'],
      ['ru', 'Роскомнадзор начал ограничивать работу Telegram', 'Ведомство заявило, что мессенджер не выполняет требования российского законодательства.'],
      ['uk', 'РНБО заборонила Telegram на службових пристроях', 'Рішення стосується державних службовців, військових та працівників критичної інфраструктури.'],
      ['lt', 'Vyriausybė uždraudė TikTok tarnybiniuose telefonuose', 'Sprendimas priimtas po to, kai Nacionalinis kibernetinio saugumo centras įspėjo apie grėsmes.'],
      ['lv', 'Ārlietu ministrija aizliedz TikTok darba ierīcēs', 'Ministrijas darbinieki vairs nedrīkst lietot lietotni, kas ir aizliegta drošības apsvērumu dēļ.'],
      // South Slavic and Bulgarian: Croatian/Serbian Latin (one lexicon reads both) from Slovenian, and the
      // three Cyrillic ones apart (Serbian ћ/ђ, Macedonian ќ/ѓ/ѕ, Bulgarian ъ).
      ['hr', 'Vlada je zabranila TikTok na službenim mobitelima', 'Odluka se odnosi na sve državne službenike, a stupa na snagu idućeg tjedna, rekao je ministar.'],
      ['hr', 'Ministarstvo zabranilo kamere kineskog proizvođača u državnim zgradama', 'Uređaji će biti uklonjeni do kraja godine zbog bezbednosnih rizika, saopštila je Vlada Srbije.'],
      ['sl', 'Vlada je prepovedala uporabo aplikacije TikTok na službenih telefonih', 'Prepoved velja za vse javne uslužbence, ki morajo aplikacijo odstraniti še ta teden, so sporočili z ministrstva.'],
      ['bg', 'Правителството забрани TikTok на служебните телефони на министрите', 'Решението влиза в сила от понеделник и се отнася за всички държавни служители, съобщиха от кабинета.'],
      ['mk', 'Владата ќе го забрани ТикТок на службените телефони', 'Одлуката ќе стапи во сила од следниот месец и се однесува на сите државни службеници, изјави министерот.'],
      ['sr', 'Влада Србије забранила ТикТок на службеним телефонима', 'Одлука се односи на све државне службенике, који морају да уклоне апликацију до краја недеље.'],
      // Catalan from Spanish and French (its elisions d'/l' are French's too; amb, els, dels, i, va are its own).
      ['ca', 'Justícia espanyola suspèn el blocatge de Telegram a l\'espera d\'un informe', 'El jutge de l\'Audiència Nacional ha acordat suspendre l\'execució de la mesura que va demanar divendres.'],
      ['ca', 'El Govern prohibeix TikTok als mòbils dels funcionaris', 'La mesura entra en vigor avui i afecta tots els treballadors de l\'administració.'],
      ['sq', 'Qeveria shqiptare ndalon TikTok për një vit', 'Vendimi u mor nga Këshilli i Ministrave pas incidenteve me të rinjtë në shkolla.'],
      ['hu', 'A kormány betiltotta a TikTokot a hivatalos eszközökön', 'A döntés szerint a minisztériumok munkatársai nem használhatják az alkalmazást, amely már több országban tilos.'],
      ['ro', 'Guvernul a interzis participarea Huawei la rețelele 5G', 'Decizia semnată de premier a fost publicată în Monitorul Oficial și invocă riscuri pentru securitatea națională.'],
      ['tr', 'BTK, Telegram için erişim engeli getirdi', 'Bilgi Teknolojileri ve İletişim Kurumu kararıyla uygulamaya Türkiye\'den erişim sağlanamıyor.'],
      ['nl', 'Kabinet verbiedt TikTok op werktelefoons van ambtenaren', 'Het kabinet wil niet dat de app wordt gebruikt op telefoons van de rijksoverheid, zegt de staatssecretaris.'],
      ['vi', 'Bộ Công Thương yêu cầu Temu dừng hoạt động tại Việt Nam', 'Cơ quan quản lý cho biết sàn thương mại điện tử này chưa đăng ký hoạt động theo quy định của pháp luật.'],
      ['id', 'Kominfo resmi blokir aplikasi Temu di Indonesia', 'Menteri mengatakan bahwa aplikasi tersebut tidak memenuhi persyaratan dan sudah tidak bisa digunakan.'],
      ['el', 'Η κυβέρνηση απαγορεύει το TikTok στις κρατικές συσκευές', 'Η απόφαση ισχύει για όλους τους δημόσιους υπαλλήλους και τα υπουργεία.'],
      ['ar', 'بريطانيا تحظر تيك توك على الأجهزة الحكومية', 'قال الوزير إن الحكومة ستحظر استخدام التطبيق على الأجهزة الحكومية بأثر فوري.'],
      ['he', 'הכנסת אסרה על שימוש בטיקטוק בטלפונים ממשלתיים', 'ההחלטה חלה על שרים ועובדי המדינה, כך נמסר מהוועדה.'],
      ['th', 'สหรัฐฯ สั่งแบน TikTok จากอุปกรณ์ของรัฐบาล', 'หน่วยงานของรัฐต้องลบแอปออกจากอุปกรณ์ภายใน 30 วัน'],
      ['hi', 'ब्रिटेन ने सरकारी फोन पर TikTok को किया बैन', 'यह बैन सरकारी उपकरणों पर लगाया गया है और इसकी घोषणा संसद में की गई.'],
    ])('identifies %s in "%s"', (language, title, summary) => {
      expect(guessLanguage(`${title}\n${summary}`).language).toBe(language);
    });

    it.each([
      ['az', 'Azərbaycan hökuməti TikTok-u qadağan etdi', 'Qərar dövlət qurumlarının əməkdaşları üçün tətbiq olunur və dərhal qüvvəyə minir.'],
      ['fa', 'ایران دسترسی به تلگرام را مسدود کرد', 'این تصمیم از سوی شورای عالی فضای مجازی گرفته شد و از امروز اجرا می‌شود.'],
      ['ka', 'საქართველოს მთავრობამ TikTok აკრძალა', 'გადაწყვეტილება ეხება სახელმწიფო მოხელეებს.'],
    ])('names %s, a language without a lexicon, instead of the nearest read one', (language, title, summary) => {
      expect(guessLanguage(`${title}\n${summary}`).language).toBe(language);
    });

    it('leaves a short English headline without function words to the nine languages\' rules', () => {
      expect(guessLanguage('TikTok faces a ban').language).toBe('und');
    });

    it('says "und" when a text has no letters to go by', () => {
      expect(guessLanguage('2024 — 5G, 4G; 3.5 GHz').language).toBe('und');
    });
  });

  describe('dominantScript', () => {
    it.each([
      ['latin', 'Huawei exclusion'],
      ['cyrillic', 'Запрет Huawei в России'],
      ['arabic', 'حظر هواوي'],
      ['hebrew', 'איסור על טיקטוק'],
      ['thai', 'แบนหัวเว่ย'],
      ['devanagari', 'हुवावे पर प्रतिबंध'],
      ['georgian', 'აკრძალვა'],
      // A short CJK headline around a Latin vendor name: one CJK character weighs about three letters.
      ['cjk', '政府、DeepSeekを禁止'],
      ['cjk', '당국, Kaspersky 차단'],
    ])('reads %s as the script of "%s"', (script, text) => {
      expect(dominantScript(text).script).toBe(script);
    });
  });
});

describe('classifier language support', () => {
  describe('classify', () => {
    it('says a relevant item in a supported new language is supported (no language_supported flag)', () => {
      const c = classify({ title: 'Роскомнадзор заблокировал Telegram в России', summary: 'Суд постановил немедленно ограничить доступ к мессенджеру на территории страны.' });
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(['RU']);
      expect(c.language_supported).toBeUndefined();
    });

    it('is never "not relevant, 0.97" for an item in a language without a lexicon that names a watched vendor', () => {
      const c = classify({ title: 'Azərbaycan hökuməti TikTok-u qadağan etdi', summary: 'Qərar dövlət qurumlarının əməkdaşları üçün tətbiq olunur və dərhal qüvvəyə minir.', language: 'az' });
      expect(c.language_supported).toBe(false);
      expect(c.confidence).toBeLessThanOrEqual(0.6);
      expect(c.rules).toContain('lang.unsupported.az');
    });

    it.each([
      ['be', 'Урад Беларусі забараніў TikTok на службовых тэлефонах'],
      ['kk', 'Индия TikTok тиркемесин колдонууга расмий түрдө тыюу салды'],
      ['bn', 'ভারত টিকটক নিষিদ্ধ করেছে, Huawei নিয়েও সিদ্ধান্ত'],
      ['ka', 'საქართველომ TikTok აკრძალა სამთავრობო ტელეფონებზე'],
    ])('flags an undeclared headline naming a vendor in an unread language (%s) and keeps its confidence low', (code, title) => {
      const c = classify({ title });
      expect(c.language_supported).toBe(false);
      expect(c.rules).toContain(`lang.unsupported.${code}`);
      expect(c.confidence).toBeLessThanOrEqual(c.relevant ? 0.6 : 0.35);
    });

    // Bulgarian and Serbian were unread (ru's lexicon, capped confidence) until their lexicons came.
    it.each([
      ['bg', 'Гръцкият министър-председател забрани ТикТок на служебните телефони', 'GR'],
      ['sr', 'Влада Србије забранила TikTok на службеним телефонима', 'RS'],
      ['mk', 'Северна Македонија ќе го забрани ТикТок на телефоните на државните службеници', 'MK'],
      ['sl', 'Slovenija je prepovedala TikTok na službenih telefonih, ker ogroža varnost', 'SI'],
      ['hr', 'Hrvatska je zabranila TikTok na službenim mobitelima ministara', 'HR'],
    ])('reads an undeclared %s headline with its own lexicon', (code, title, country) => {
      const c = classify({ title });
      expect(c.language_supported).toBeUndefined();
      expect(c.rules?.some((r) => r.startsWith(`${code}.`))).toBe(true);
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual([country]);
      expect(c.measure).toBe('device_ban');
    });

    it.each(['sr', 'bs', 'cnr'])('reads a declared %s item in Latin letters with the Croatian/Serbian lexicon', (language) => {
      const c = classify({ title: 'Crna Gora zabranjuje TikTok na uređajima državnih službenika', summary: 'Vlada je odlučila da aplikacija bude uklonjena sa svih službenih telefona.', language });
      expect(c.language_supported).toBeUndefined();
      expect(c.rules?.some((r) => r.startsWith('hr.'))).toBe(true);
      expect(c.relevant).toBe(true);
      expect(c.measure).toBe('device_ban');
    });

    it('reads a declared Malay item with the Indonesian lexicon even when its words guess as Indonesian', () => {
      // Malay and Indonesian share most words, so the text guess is often "id"; the declared language's
      // neighbour decides which lexicon reads it (it used to read with none: "not relevant").
      const c = classify({ title: 'Australia bakal haramkan TikTok pada telefon rasmi pemerintah', summary: 'CANBERRA: Australia mengikut jejak langkah beberapa negara mengharamkan aplikasi TikTok dalam telefon pemerintah atas sebab keselamatan.', language: 'ms' });
      expect(c.relevant).toBe(true);
      expect(c.vendors).toEqual(['TikTok']);
      expect(c.measure).toBe('device_ban');
      expect(c.language_supported).toBe(false);
      expect(c.rules).toContain('lang.unsupported.ms');
    });

    it('flags an undeclared item in an unread language by its words, not only by a declared code', () => {
      const c = classify({ title: 'ایران دسترسی به تلگرام را مسدود کرد', summary: 'این تصمیم از سوی شورای عالی فضای مجازی گرفته شد و از امروز اجرا می‌شود.' });
      expect(c.language_supported).toBe(false);
      expect(c.confidence).toBeLessThanOrEqual(0.6);
    });

    it('gives a low confidence to "no vendor" in a script no lexicon reads (its vendor names are unknown to us)', () => {
      const c = classify({ title: 'საქართველოს მთავრობამ აკრძალა ჩინური აპლიკაცია', summary: 'გადაწყვეტილება ეხება სახელმწიფო მოხელეებს.' });
      expect(c.relevant).toBe(false);
      expect(c.language_supported).toBe(false);
      expect(c.confidence).toBeLessThanOrEqual(0.6);
    });

    it('keeps "no vendor" confident in scripts it reads', () => {
      const c = classify({ title: 'Правительство обсудило бюджет на следующий год' });
      expect(c.confidence).toBe(0.97);
      expect(c.language_supported).toBeUndefined();
    });

    it('reads an item with the lexicon of its text when the feed declares a language in another script', () => {
      const c = classify({ title: 'Україна заборонила Telegram на службових пристроях', summary: 'Рішення ухвалила РНБО.', feed: { language: 'en', kind: 'news' } });
      expect(c.relevant).toBe(true);
      expect(c.countries).toEqual(['UA']);
    });

    it('tells Swedish from Danish and Norwegian so each reads its own lexicon', () => {
      const sv = classify({ title: 'Domen har fallit: Huawei fortsatt förbjudna i svenska 5G-nät' });
      const no = classify({ title: 'Her er sikkerhetsloven som stanset Huawei', summary: 'Så er det avgjort: Huawei får ikke bygge ut det norske 5G-nettet, sier departementet etter møtet.' });
      expect(sv.rules?.some((r) => r.startsWith('sv.'))).toBe(true);
      expect(no.rules?.some((r) => r.startsWith('no.'))).toBe(true);
    });
  });

  describe('vendor aliases in every script', () => {
    const rules = loadDefaultRules();
    it.each([
      ['Huawei', 'Хуавей'], ['Huawei', 'هواوي'], ['Huawei', 'Χουαγουέι'], ['Huawei', 'หัวเว่ย'], ['Huawei', 'हुवावे'], ['Huawei', 'הואוויי'],
      ['TikTok', 'ТикТок'], ['TikTok', 'تيك توك'], ['TikTok', 'טיקטוק'], ['TikTok', 'ติ๊กต็อก'], ['TikTok', 'टिकटॉक'], ['TikTok', 'Tik Tok'],
      ['Telegram', 'Телеграм'], ['Telegram', 'تلغرام'], ['Kaspersky', 'Касперского'], ['Xiaomi', 'Сяоми'], ['Apple', 'айфон'],
    ])('lists %s under the alias %s', (canonical, alias) => {
      expect(rules.vendors[canonical]).toContain(alias);
    });

    it.each([
      ['an Arabic clitic', 'الولايات المتحدة تضيف لهواوي قيودا جديدة', 'Huawei'],
      ['a Hebrew prefix', 'הממשלה אסרה על השימוש בטיקטוק', 'TikTok'],
      ['a Hungarian suffix', 'A kormány betiltotta a TikTokot a hivatalos eszközökön', 'TikTok', 'hu'],
      ['a Finnish case ending', 'Valtioneuvosto kielsi Huawein laitteet virkapuhelimissa', 'Huawei', 'fi'],
    ])('finds a vendor through %s', (_what, title, vendor, language = undefined) => {
      const c = classify({ title, language });
      expect(c.rules?.some((r) => r.startsWith(`vendor.${vendor}.`))).toBe(true);
    });

    it('does not find a short Hebrew name inside a longer word (אפליקציה is not Apple)', () => {
      const c = classify({ title: 'הממשלה אסרה על האפליקציה' });
      expect(c.rules).toContain('no-vendor');
    });
  });
});
