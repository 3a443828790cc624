/**
 * Probe: does a headline naming ONLY a state body (parliament, government, defence ministry, telecoms
 * regulator, cyber agency, data-protection authority) read that body's country? Runs
 * "<Body> bans TikTok on staff phones" (en) and the own-language equivalent through the classifier
 * and lists the misses. Usage: npx tsx scripts/bodies.ts [--all]
 */
import { classify } from '../lambdas/core/classifier/index.js';

const EN = '{B} bans TikTok on staff phones';
const T: Record<string, string> = {
  en: EN,
  de: '{B} verbietet TikTok auf Diensthandys',
  fr: '{B} interdit TikTok sur les téléphones de service',
  it: '{B} vieta TikTok sui telefoni di servizio',
  es: '{B} prohíbe TikTok en los móviles oficiales',
  pt: '{B} proíbe TikTok nos celulares funcionais',
  nl: '{B} verbiedt TikTok op diensttelefoons',
  sv: '{B} förbjuder TikTok i tjänstetelefoner',
  da: '{B} forbyder TikTok på arbejdstelefoner',
  no: '{B} forbyr TikTok på jobbtelefoner',
  fi: '{B} kieltää TikTokin työpuhelimissa',
  pl: '{B} zakazuje TikToka na służbowych telefonach',
  cs: '{B} zakazuje TikTok na služebních telefonech',
  ro: '{B} interzice TikTok pe telefoanele de serviciu',
  lt: '{B} uždraudė TikTok tarnybiniuose telefonuose',
  ru: '{B} запретил TikTok на служебных телефонах',
  uk: '{B} заборонив TikTok на службових телефонах',
  ja: '{B}、職員の公用端末でTikTokを禁止',
  ko: '{B}, 공무원 업무용 휴대폰에서 틱톡 금지',
  zh: '{B}禁止公务手机使用TikTok',
  id: '{B} melarang TikTok di ponsel dinas',
  vi: '{B} cấm TikTok trên điện thoại công vụ',
  tr: '{B} personel telefonlarında TikTok\'u yasakladı',
  he: '{B} אוסרת על טיקטוק בטלפונים של העובדים',
  th: '{B} สั่งห้ามใช้ TikTok บนโทรศัพท์ของเจ้าหน้าที่',
  sq: '{B} ndalon TikTok në telefonat zyrtarë',
  hi: '{B} ने कर्मचारियों के फोन पर टिकटॉक पर प्रतिबंध लगाया',
  ar: '{B} تحظر تيك توك على هواتف الموظفين',
};

/** country → [language, body] rows (English names first, then the country's own language). */
export const BODIES: Record<string, Array<[string, string]>> = {
  US: [['en', 'Congress'], ['en', 'The Pentagon'], ['en', 'FCC'], ['en', 'CISA'], ['en', 'FTC'], ['en', 'Commerce Department'], ['en', 'NTIA']],
  RU: [['en', 'State Duma'], ['en', 'Roskomnadzor'], ['en', 'The Kremlin'], ['en', 'Russia\'s Defence Ministry'], ['ru', 'Госдума'], ['ru', 'Роскомнадзор'], ['ru', 'Минцифры'], ['ru', 'Кремль'], ['ru', 'Минобороны'], ['ru', 'ФСТЭК'], ['ru', 'Совет Федерации'], ['ru', 'Совфед'], ['en', 'FSTEC'], ['en', 'Federation Council'], ['en', 'Mintsifry']],
  CN: [['en', 'Cyberspace Administration'], ['en', 'MIIT'], ['en', 'State Council'], ['zh', '国务院'], ['zh', '工信部'], ['zh', '国家网信办'], ['zh', '全国人大'], ['zh', '商务部'], ['zh', '国家安全部'], ['zh', '国家市场监管总局'], ['zh', '海关总署'], ['en', 'MOFCOM'], ['en', 'SAMR'], ['en', 'Ministry of State Security']],
  GB: [['en', 'Ofcom'], ['en', 'NCSC'], ['en', 'Ministry of Defence'], ['en', 'MoD'], ['en', 'ICO'], ['en', 'Information Commissioner\'s Office'], ['en', 'Downing Street'], ['en', 'House of Commons'], ['en', 'Whitehall'], ['en', 'GCHQ'], ['en', 'Home Office']],
  CA: [['en', 'CRTC'], ['en', 'House of Commons of Canada'], ['en', 'Ottawa'], ['en', 'Treasury Board'], ['en', 'Canadian Centre for Cyber Security'], ['en', 'Privacy Commissioner of Canada'], ['fr', 'Le CRTC'], ['fr', 'Ottawa'], ['fr', 'Le Conseil du Trésor']],
  DE: [['en', 'Bundestag'], ['en', 'BSI'], ['en', 'Bundesnetzagentur'], ['en', 'Bundeswehr'], ['de', 'Der Bundestag'], ['de', 'Die Bundeswehr'], ['de', 'Das BSI'], ['de', 'Die Bundesnetzagentur'], ['de', 'Das Verteidigungsministerium'], ['de', 'Das Kanzleramt'], ['de', 'Der Bundesdatenschutzbeauftragte'], ['en', 'BfDI'], ['de', 'Die BfDI'], ['de', 'Das Bundesinnenministerium']],
  FR: [['en', 'ANSSI'], ['en', 'CNIL'], ['en', 'Arcep'], ['en', 'National Assembly of France'], ['en', 'Élysée'], ['en', 'Matignon'], ['fr', 'L\'Assemblée nationale'], ['fr', 'Le Sénat'], ['fr', 'L\'ANSSI'], ['fr', 'La CNIL'], ['fr', 'L\'Arcep'], ['fr', 'Matignon'], ['fr', 'Le ministère des Armées'], ['fr', 'Bercy'], ['fr', 'La DGSI'], ['en', 'DGSI'], ['fr', 'Le Quai d\'Orsay']],
  AU: [['en', 'ACMA'], ['en', 'Canberra'], ['en', 'ASD'], ['en', 'Australian Signals Directorate'], ['en', 'OAIC'], ['en', 'Home Affairs'], ['en', 'Department of Defence']],
  IN: [['en', 'TRAI'], ['en', 'CERT-In'], ['en', 'MeitY'], ['en', 'Lok Sabha'], ['en', 'Rajya Sabha'], ['en', 'New Delhi'], ['en', 'The Centre'], ['hi', 'केंद्र सरकार'], ['hi', 'लोकसभा'], ['en', 'MHA'], ['en', 'DoT']],
  IT: [['en', 'Garante'], ['en', 'AGCOM'], ['en', 'Palazzo Chigi'], ['en', 'Italy\'s ACN'], ['it', 'Il Garante privacy'], ['it', 'L\'Agcom'], ['it', 'Palazzo Chigi'], ['it', 'La Camera dei deputati'], ['it', 'Il ministero della Difesa'], ['it', 'L\'Agenzia per la cybersicurezza nazionale'], ['it', 'Il Viminale'], ['it', 'La Farnesina'], ['it', 'Il Copasir'], ['it', 'AgID'], ['it', 'Il Mimit'], ['en', 'Copasir'], ['en', 'AgID']],
  KR: [['en', 'PIPC'], ['en', 'KCC'], ['en', 'KISA'], ['en', 'National Assembly of Korea'], ['en', 'MSIT'], ['ko', '방통위'], ['ko', '방송통신위원회'], ['ko', '개인정보위'], ['ko', '국회'], ['ko', '국방부'], ['ko', '과기정통부'], ['ko', '국정원'], ['ko', '국가정보원'], ['ko', '과학기술정보통신부'], ['ko', '행정안전부'], ['ko', '행안부'], ['en', 'MOIS']],
  EU: [['en', 'European Commission'], ['en', 'European Parliament'], ['en', 'Brussels'], ['en', 'EDPB'], ['en', 'ENISA'], ['fr', 'La Commission européenne'], ['de', 'Die EU-Kommission']],
  TW: [['en', 'Executive Yuan'], ['en', 'Legislative Yuan'], ['en', 'NCC'], ['en', 'Ministry of Digital Affairs'], ['en', 'Taipei'], ['zh', '行政院'], ['zh', '立法院'], ['zh', '數位發展部'], ['zh', '國家通訊傳播委員會'], ['zh', '數位部'], ['zh', '經濟部'], ['zh', '資安署'], ['zh', '國安局'], ['en', 'MODA']],
  VN: [['en', 'Hanoi'], ['en', 'Vietnam\'s Ministry of Information and Communications'], ['vi', 'Bộ Thông tin và Truyền thông'], ['vi', 'Bộ TT&TT'], ['vi', 'Quốc hội'], ['vi', 'Bộ Công an'], ['vi', 'Bộ Quốc phòng'], ['vi', 'Chính phủ']],
  SE: [['en', 'Riksdag'], ['en', 'Swedish Armed Forces'], ['en', 'PTS'], ['sv', 'Riksdagen'], ['sv', 'Regeringen'], ['sv', 'Försvarsmakten'], ['sv', 'PTS'], ['sv', 'IMY'], ['sv', 'Regeringskansliet'], ['sv', 'Säpo'], ['en', 'Säpo'], ['en', 'Swedish Security Service'], ['en', 'MSB'], ['sv', 'MSB']],
  ID: [['en', 'Kominfo'], ['en', 'Komdigi'], ['en', 'Jakarta'], ['id', 'Kominfo'], ['id', 'Komdigi'], ['id', 'DPR'], ['id', 'BSSN'], ['id', 'Kemenkominfo'], ['en', 'BSSN']],
  NL: [['en', 'The Hague'], ['en', 'Tweede Kamer'], ['en', 'AIVD'], ['nl', 'De Tweede Kamer'], ['nl', 'Het kabinet'], ['nl', 'Defensie'], ['nl', 'De AIVD'], ['nl', 'De Autoriteit Persoonsgegevens'], ['nl', 'Den Haag'], ['nl', 'Rijksoverheid'], ['nl', 'De RDI'], ['en', 'Autoriteit Persoonsgegevens'], ['en', 'Dutch Data Protection Authority']],
  BR: [['en', 'Anatel'], ['en', 'Brasília'], ['en', 'ANPD'], ['pt', 'Anatel'], ['pt', 'A ANPD'], ['pt', 'O Planalto'], ['pt', 'A Câmara dos Deputados'], ['pt', 'O Itamaraty'], ['pt', 'O STF'], ['pt', 'O GSI'], ['en', 'STF'], ['en', 'Alexandre de Moraes']],
  JP: [['en', 'The Diet'], ['en', 'NISC'], ['en', 'Ministry of Internal Affairs and Communications'], ['en', 'Japan\'s Digital Agency'], ['ja', '総務省'], ['ja', '国会'], ['ja', '防衛省'], ['ja', '内閣サイバーセキュリティセンター'], ['ja', 'デジタル庁'], ['ja', '個人情報保護委員会'], ['ja', '政府'], ['en', 'METI'], ['ja', '経済産業省'], ['ja', '経産省'], ['ja', '内閣官房'], ['ja', '衆議院'], ['ja', '参議院']],
  PL: [['en', 'Sejm'], ['en', 'UKE'], ['pl', 'Sejm'], ['pl', 'UKE'], ['pl', 'UODO'], ['pl', 'MON'], ['pl', 'Ministerstwo Cyfryzacji'], ['pl', 'Rząd'], ['pl', 'NASK'], ['pl', 'KPRM'], ['en', 'NASK'], ['en', 'UODO']],
  CZ: [['en', 'NÚKIB'], ['en', 'Czech Chamber of Deputies'], ['cs', 'NÚKIB'], ['cs', 'Sněmovna'], ['cs', 'Vláda'], ['cs', 'ČTÚ'], ['cs', 'Ministerstvo obrany'], ['cs', 'Poslanecká sněmovna'], ['en', 'ČTÚ']],
  RO: [['en', 'ANCOM'], ['en', 'Bucharest'], ['ro', 'ANCOM'], ['ro', 'Guvernul'], ['ro', 'Parlamentul'], ['ro', 'CSAT'], ['ro', 'DNSC'], ['en', 'CSAT'], ['en', 'DNSC']],
  BE: [['en', 'Belgian federal government'], ['en', 'CCB'], ['nl', 'De federale regering'], ['fr', 'Le gouvernement fédéral belge'], ['fr', 'L\'IBPT'], ['nl', 'Het BIPT'], ['en', 'Centre for Cybersecurity Belgium']],
  LT: [['en', 'Seimas'], ['en', 'NKSC'], ['en', 'Vilnius'], ['lt', 'Seimas'], ['lt', 'Vyriausybė'], ['lt', 'RRT'], ['en', 'RRT']],
  IR: [['en', 'Tehran'], ['en', 'Majlis']],
  PK: [['en', 'PTA'], ['en', 'Islamabad'], ['en', 'National Assembly of Pakistan'], ['en', 'MoITT']],
  KG: [['en', 'Bishkek'], ['ru', 'Бишкек'], ['en', 'Jogorku Kenesh']],
  NO: [['en', 'Storting'], ['en', 'NSM'], ['en', 'Nkom'], ['en', 'Datatilsynet'], ['no', 'Stortinget'], ['no', 'Regjeringen'], ['no', 'NSM'], ['no', 'Nkom'], ['no', 'Forsvaret'], ['no', 'Datatilsynet'], ['no', 'PST']],
  IQ: [['en', 'Baghdad'], ['ar', 'هيئة الإعلام والاتصالات العراقية']],
  UA: [['en', 'Verkhovna Rada'], ['en', 'Kyiv'], ['en', 'NSDC'], ['uk', 'Верховна Рада'], ['uk', 'РНБО'], ['uk', 'Мінцифри'], ['uk', 'Кабмін'], ['uk', 'СБУ'], ['uk', 'Держспецзв\'язку'], ['en', 'SBU'], ['en', 'SSSCIP']],
  AL: [['en', 'Tirana'], ['sq', 'Qeveria shqiptare'], ['sq', 'AKEP']],
  PT: [['en', 'ANACOM'], ['en', 'Lisbon'], ['pt', 'A Assembleia da República'], ['pt', 'A ANACOM'], ['pt', 'O CNCS']],
  NZ: [['en', 'GCSB'], ['en', 'Wellington'], ['en', 'Beehive']],
  DK: [['en', 'Folketing'], ['da', 'Folketinget'], ['da', 'Forsvaret'], ['da', 'Regeringen'], ['da', 'Datatilsynet'], ['da', 'Forsvarsministeriet'], ['da', 'Center for Cybersikkerhed'], ['da', 'PET'], ['da', 'CFCS'], ['en', 'CFCS']],
  AT: [['en', 'Austrian Nationalrat'], ['de', 'Der Nationalrat'], ['de', 'Das Bundesheer'], ['de', 'Die RTR']],
  KZ: [['en', 'Astana'], ['ru', 'Мажилис'], ['en', 'Mazhilis']],
  FI: [['en', 'Eduskunta'], ['en', 'Traficom'], ['fi', 'Eduskunta'], ['fi', 'Traficom'], ['fi', 'Puolustusvoimat'], ['fi', 'Valtioneuvosto'], ['fi', 'Supo'], ['fi', 'Kyberturvallisuuskeskus'], ['en', 'Supo']],
  ES: [['en', 'Moncloa'], ['en', 'CNMC'], ['en', 'AEPD'], ['es', 'La Moncloa'], ['es', 'El Congreso de los Diputados'], ['es', 'La AEPD'], ['es', 'El CCN'], ['es', 'El Ministerio de Defensa'], ['es', 'El CNI'], ['es', 'INCIBE'], ['en', 'INCIBE']],
  MY: [['en', 'MCMC'], ['en', 'Putrajaya'], ['en', 'Dewan Rakyat']],
  TR: [['en', 'BTK'], ['en', 'Ankara'], ['en', 'Grand National Assembly'], ['tr', 'BTK'], ['tr', 'TBMM'], ['tr', 'Ankara'], ['tr', 'Cumhurbaşkanlığı']],
  IL: [['en', 'Knesset'], ['en', 'IDF'], ['en', 'Israel Defense Forces'], ['he', 'הכנסת'], ['he', 'צה"ל']],
  PH: [['en', 'NTC'], ['en', 'Malacañang'], ['en', 'DICT'], ['en', 'AFP chief']],
  TH: [['en', 'NBTC'], ['en', 'NCSA'], ['th', 'กสทช.']],
  SG: [['en', 'IMDA'], ['en', 'CSA Singapore']],
  EE: [['en', 'Riigikogu'], ['en', 'Tallinn']],
  LV: [['en', 'Saeima'], ['en', 'Riga']],
  NP: [['en', 'Kathmandu']],
  BD: [['en', 'BTRC'], ['en', 'Dhaka']],
};

const all = process.argv.includes('--all');
let n = 0, miss = 0;
for (const [country, rows] of Object.entries(BODIES)) {
  for (const [language, body] of rows) {
    const title = (T[language] ?? EN).replace('{B}', body);
    const r = classify({ id: 'probe', title, summary: '', language });
    const ok = r.relevant && JSON.stringify(r.countries) === JSON.stringify([country]);
    n++;
    if (!ok) miss++;
    if (!ok || all) console.log(`${ok ? 'ok  ' : 'MISS'} ${country} [${language}] ${body} → ${r.relevant ? JSON.stringify(r.countries) : 'irrelevant'}`);
  }
}
console.log(`${n} bodies, ${miss} misses`);
