/**
 * Country names for the languages added after the first nine (issue 12), from i18n-iso-countries:
 *
 * - languages whose names do not inflect (or only take an apostrophe/clitic: tr, ar, he, th, hi, vi,
 *   id, nl): plain names into rules/country-names.json, like the nine;
 * - languages that inflect names (Россия → России, Polska → Polsce, Suomi → Suomessa, Kína →
 *   Kínában): one cue per lexicon, `<code>.country.names`, whose pattern is every name's stem plus a
 *   short ending and whose countryMap tells the countries apart (rules/lang/<code>.json).
 *
 * Only countries that act on vendors or are named as actors in this domain are kept: the rest would
 * cost bundle bytes and match nothing. Run: npx tsx scripts/gen-lang-countries.ts --only hr,sl
 * (or --all; then scripts/pack-langs.ts, which ships the lexicons packed).
 * Generated once and committed, like gen-country-names.ts. Lexicons changed by hand since: el, pl,
 * ro and ru carry case forms i18n-iso-countries lacks; sl, bg and mk are written one cue per line
 * (this script would reformat them); sr is generated from hr.json by gen-sr-cyrillic.ts. So name the
 * languages to write — a run writes nothing else — and check the diff.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const RULES = fileURLToPath(new URL('../lambdas/core/classifier/rules/', import.meta.url));

/** Jurisdictions that decide or are named as deciding in vendor-ban news. */
const COUNTRIES = ['US', 'CA', 'MX', 'BR', 'GB', 'IE', 'FR', 'DE', 'IT', 'ES', 'PT', 'NL', 'BE', 'AT', 'CH', 'DK', 'SE', 'NO', 'FI',
  'IS', 'EE', 'LV', 'LT', 'PL', 'CZ', 'SK', 'HU', 'RO', 'BG', 'GR', 'SI', 'HR', 'RS', 'MD', 'UA', 'BY', 'RU', 'GE', 'AZ', 'KZ', 'TR',
  'IL', 'IR', 'SA', 'AE', 'EG', 'IN', 'PK', 'BD', 'CN', 'TW', 'JP', 'KR', 'VN', 'TH', 'MY', 'SG', 'ID', 'PH', 'AU', 'NZ',
  // Countries that banned or restricted apps in the news of 2019–2025 (TikTok, Telegram, DeepSeek):
  // Nepal, Albania, Somalia, Kenya, Senegal, Jordan, Afghanistan, Kyrgyzstan, Uzbekistan, Iraq.
  'NP', 'AL', 'SO', 'KE', 'SN', 'JO', 'AF', 'KG', 'UZ', 'IQ'];

/** Plain names: the text says them as they are (clitics attach with an apostrophe or are tolerated by the matcher). */
const LITERAL = ['sv', 'da', 'no', 'nl', 'tr', 'ar', 'he', 'th', 'hi', 'vi', 'id', 'ca'];
/** Stems: [language, longest ending allowed after the stem, strip a final vowel]. */
const STEMMED: Array<[string, number, boolean]> = [
  ['ru', 3, true], ['uk', 3, true], ['pl', 3, true], ['cs', 3, true], ['sk', 3, true], ['lt', 3, true], ['lv', 3, true],
  ['el', 3, true], ['ro', 4, true], ['fi', 5, true], ['et', 4, false], ['hu', 6, true],
  // South Slavic (Dec 7): hr reads Croatian, Bosnian and Serbian in Latin letters; sr is Serbian Cyrillic.
  ['hr', 3, true], ['sl', 3, true], ['sr', 3, true], ['bg', 3, true], ['mk', 3, true],
];

/** Short forms news uses that i18n-iso-countries lacks, and genitives of the Scandinavian names. */
const EXTRA: Record<string, Partial<Record<string, string[]>>> = {
  sv: { US: ['USA:s'], CN: ['Kinas'], SE: ['Sveriges'], RU: ['Rysslands'], GB: ['Storbritanniens'], FI: ['Finlands'], NO: ['Norges'], DK: ['Danmarks'] },
  da: { US: ['USA\'s'], CN: ['Kinas'], DK: ['Danmarks'], NO: ['Norges'], SE: ['Sveriges'], TW: ['Taiwan'] },
  no: { US: ['USAs'], CN: ['Kinas'], NO: ['Norges', 'Noreg'], SE: ['Sveriges'], GB: ['Storbritannias'] },
  nl: { US: ['VS', 'Amerika'] },
  tr: { GB: ['İngiltere', 'Büyük Britanya'] },
  ar: { US: ['أمريكا', 'أميركا'], KR: ['كوريا الجنوبية'], CN: ['الصين', 'للصين'], IN: ['الهند', 'للهند'] },
  he: { CZ: ['צ\'כיה'] },
  hi: { US: ['अमेरिका', 'अमरीका', 'यूएस'], GB: ['ब्रिटेन', 'यूके'], CZ: ['चेक गणराज्य'], AU: ['ऑस्ट्रेलिया'] },
  vi: { US: ['Mỹ', 'Hoa Kỳ'], GB: ['Anh', 'nước Anh', 'Anh quốc'], KR: ['Hàn Quốc'], IR: ['Iran'] },
  id: { US: ['AS', 'Amerika'], KR: ['Korea Selatan'], CN: ['Tiongkok', 'China'] },
  th: { US: ['สหรัฐฯ', 'สหรัฐ'] },
  ru: { CN: ['Китай'], US: ['Америка', 'Соединенные Штаты', 'Соединённые Штаты'], GB: ['Британия', 'Англия'], KR: ['Южная Корея'], CZ: ['Чехия'], TW: ['Тайвань'] },
  uk: { US: ['Америка', 'Сполучені Штати'], GB: ['Британія', 'Англія'], KR: ['Південна Корея'], TW: ['Тайвань'] },
  pl: { US: ['Ameryka'] },
  cs: { US: ['Amerika'], CZ: ['Česko'], TW: ['Tchaj-wan'] },
  sk: { US: ['Amerika'], CZ: ['Česko'] },
  el: { UA: ['Ουκρανία'], US: ['Αμερική'], TW: ['Ταϊβάν'], CN: ['Κίνα'] },
  ro: { US: ['America'], NL: ['Olanda'], GB: ['Marea Britanie'] },
  fi: { US: ['Yhdysvallat', 'Yhdysvaltojen', 'Yhdysvalloissa', 'Yhdysvaltoihin', 'Yhdysvalloista', 'Yhdysvalloille'], GB: ['Britannia', 'Iso-Britannia'], KR: ['Etelä-Korea'], NL: ['Hollanti'] },
  et: { US: ['USA'], GB: ['Ühendkuningriik'] },
  hu: { US: ['Egyesült Államok', 'Amerika'] },
  lt: { US: ['Amerika'] },
  // Serbian and Bosnian spellings (ekavian, Latin) that the Croatian names lack.
  ca: { US: ['EUA', 'Estats Units', 'Amèrica'], GB: ['Regne Unit', 'Gran Bretanya'] },
  hr: { US: ['SAD', 'Amerika'], DE: ['Nemačka'], GB: ['Velika Britanija', 'Britanija'], NL: ['Holandija'], CZ: ['Češka'], KR: ['Južna Koreja'] },
  sl: { US: ['ZDA', 'Amerika'], GB: ['Velika Britanija', 'Britanija'], NL: ['Nizozemska'] },
  sr: { US: ['САД', 'Америка', 'Сједињене Америчке Државе'], GB: ['Велика Британија', 'Британија'], DE: ['Немачка'] },
  bg: { US: ['САЩ', 'Америка'], GB: ['Великобритания', 'Британия'] },
  mk: { US: ['САД', 'Америка'], GB: ['Велика Британија', 'Британија'] },
  lv: { US: ['Amerika'] },
};

/** Names that are common words or other things in a language: never a country reference there. */
const SKIP: Record<string, Set<string>> = {
  vi: new Set(['Anh']), // "Anh" is also "he / brother"; Vương quốc Anh stays.
  hi: new Set(['चेक']),
  id: new Set(['AS']),
};

const VOWELS = /[aeiouyáéíóúýàèìòùâêîôûäëïöüåæøąęėįųūāēīōőűõăâîșțаеёиоуыэюяіїєьйαάεέηήιίοόυύωώ]$/iu;

function namesOf(lang: string, code: string): string[] {
  const file = lang === 'no' ? 'nb' : lang;
  const { countries } = require(`i18n-iso-countries/langs/${file}.json`) as { countries: Record<string, string | string[]> };
  const value = countries[code];
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const names = list.filter((n) => !n.includes(',') && !/[()]/.test(n) && n.length >= 2);
  names.push(...(EXTRA[lang]?.[code] ?? []));
  return [...new Set(names)].filter((n) => !SKIP[lang]?.has(n));
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The letters an ending may use, per script: a small class instead of \\p{L}, which costs V8 a large
 * Unicode class per stem when the rules compile (twelve lexicons × ~70 stems).
 */
const ENDING: Record<string, string> = {
  ru: '[\\u0430-\\u045f\\u0491]', uk: '[\\u0430-\\u045f\\u0491]', el: '[\\u03ac-\\u03ce]',
  sr: '[\\u0430-\\u045f]', bg: '[\\u0430-\\u045f]', mk: '[\\u0430-\\u045f]',
};
const LATIN_ENDING = '[a-z\\u00df-\\u00ff\\u0100-\\u017f\\u0219\\u021b]';
let ending = LATIN_ENDING;

/** One word's stem and ending: "Россия" → "Росс[а-я…]{0,3}". Abbreviations (USA, ABD, США) and particles stay whole. */
function stemWord(word: string, max: number, strip: boolean): string {
  if (word.length <= 3 || word === word.toUpperCase()) return esc(word);
  let stem = word;
  if (strip) {
    // Up to two final vowels (and й) go, keeping three letters: России, Китая, Číny, Kínában share the stem.
    for (let i = 0; i < 2 && stem.length > 3 && VOWELS.test(stem); i++) stem = stem.slice(0, -1);
  }
  return `${esc(stem)}${ending}{0,${max}}`;
}

function stemName(name: string, max: number, strip: boolean): string {
  return name.split(/\s+/).map((w) => (w.includes('-') ? w.split('-').map((p) => stemWord(p, max, strip)).join('-') : stemWord(w, max, strip))).join(' ');
}

const args = process.argv.slice(2);
const onlyArg = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
if (!args.includes('--all') && !onlyArg) {
  process.stderr.write('usage: gen-lang-countries.ts --only <lang,lang…> | --all  (--all overwrites hand edits in el, pl, ro, ru and reformats sl, sr, bg, mk)\n');
  process.exit(2);
}
const known = new Set([...LITERAL, ...STEMMED.map(([l]) => l)]);
const only = onlyArg ? new Set(onlyArg.split(',').map((l) => l.trim()).filter(Boolean)) : known;
const unknown = [...only].filter((l) => !known.has(l));
if (unknown.length) {
  process.stderr.write(`gen-lang-countries.ts: not a generated language: ${unknown.join(', ')} (known: ${[...known].join(', ')})\n`);
  process.exit(2);
}

const namesFile = `${RULES}country-names.json`;
const countryNames = JSON.parse(readFileSync(namesFile, 'utf8')) as Record<string, Record<string, string[]>>;
for (const lang of LITERAL.filter((l) => only.has(l))) {
  const table: Record<string, string[]> = {};
  for (const code of COUNTRIES) {
    const names = namesOf(lang, code);
    if (names.length) table[code] = names;
  }
  countryNames[lang] = table;
}
writeFileSync(namesFile, JSON.stringify(countryNames, null, 0).replace(/\],"/g, '],\n"') + '\n');

for (const [lang, max, strip] of STEMMED.filter(([l]) => only.has(l))) {
  ending = ENDING[lang] ?? LATIN_ENDING;
  const entries: Array<[string, string[]]> = [];
  for (const code of COUNTRIES) {
    const stems = [...new Set(namesOf(lang, code).map((n) => stemName(n, max, strip)))];
    if (stems.length) entries.push([code, stems.sort((a, b) => b.length - a.length)]);
  }
  // The cue's pattern is its own countryMap ("{D}" with countryMapOf itself, compile.ts), so each stem
  // is written once. The map is tried in order on the matched words: longer stems first, so that
  // "Австрали…" (AU) is not read as "Австри…" (AT).
  entries.sort((a, b) => (b[1][0] as string).length - (a[1][0] as string).length);
  const map = Object.fromEntries(entries.map(([code, stems]) => [code, stems.join('|')]));
  const cue = { id: `${lang}.country.names`, pattern: '{D}', countryMapOf: `${lang}.country.names`, countryMap: map, cw: 2, cs: true };
  const lexFile = `${RULES}lang/${lang}.json`;
  const lexicon = JSON.parse(readFileSync(lexFile, 'utf8')) as { cues: Array<{ id: string }> };
  lexicon.cues = [...lexicon.cues.filter((c) => c.id !== cue.id), cue];
  writeFileSync(lexFile, `${JSON.stringify(lexicon, null, 2)}\n`);
}
process.stdout.write(
  `wrote ${namesFile} (${LITERAL.filter((l) => only.has(l)).join(', ') || 'unchanged'}) and the country.names cue of ${STEMMED.filter(([l]) => only.has(l)).map(([l]) => l).join(', ') || 'none'}\n`,
);
