/**
 * Sub-national acting jurisdictions (rules/actors.json, shipped packed): in federal countries states decide on
 * their own — South Dakota, South Carolina, Alabama and Utah banned TikTok on state devices in the
 * same weeks as Congress did on federal ones. Country, vendor and measure agree; the deciders do
 * not. A report's actor is read from its headline (else its first sentence):
 *   "<CC>-<state>"  a state it names ("US-TX");
 *   "<CC>-*"        a state it does not name ("state devices", "governor");
 *   "<CC>"          a national body it names (Congress, the FCC, "federal");
 *   "<CC>-<inst>"   an institution, where institutions decide separately ("EU-PARL");
 *   "<CC>@<BODY>"   for device bans, a body banning on its own devices ("US@NAVY");
 *   "<state>@UNIV"  for device bans, a university or university system ("US-TX@UNIV", "US-*@UNIV");
 *   null            nothing said, or several deciders named: compatible with anything.
 * A sub-national leader named by title ("Gov. Kay Ivey", "Premier Danielle Smith"; `leaders` in the
 * table) adds "~<surname>" ("US-AL~ivey", "US-*~gordon"): two governors are two deciders even when
 * neither report names the state.
 * Clauses naming who acted before ("After the Commission and the Council, …") are not read.
 * Pure; the tables compile once.
 */
import { unpackJson } from './packed.js';
import { PACKED_ACTORS } from './rules/actors.packed.js';
import { withoutDateline } from './text.js';

// rules/actors.json ships packed (core/packed.ts, `npm run pack:langs`).
const actorsData = unpackJson(PACKED_ACTORS) as Record<string, unknown>;

interface CountryActors {
  /** A later stage may be another actor's act (EU: the Commission proposes, Parliament adopts). */
  stagesAcrossActors?: boolean;
  national: string[];
  subnational: string[];
  states: Record<string, string[]>;
  /** Bodies that ban a vendor on their own devices apart from each other (device bans only). */
  bodies?: Record<string, string[]>;
  /** Titles before a sub-national leader's name ("Gov.", "Premier"). */
  leaders?: string[];
  /** Scopes of an order binding every agency ("federal agencies", "所有国家机构"): a body that issues one acts for the government. */
  governmentWide?: string[];
  /** Universities, colleges, university systems: deciders of their own for their devices and networks (device bans only). */
  campuses?: string[];
  /** Words that make a campus the scope of someone else's order, not the decider ("governor"). */
  campusesNotWith?: string[];
  /** Prepositions that make a campus named just after them a scope ("banning TikTok in Florida's public universities"). */
  campusScopes?: string[];
}

interface Compiled {
  stagesAcrossActors: boolean;
  state: RegExp;
  stateOf: Map<string, string>;
  subnational: RegExp;
  national: RegExp;
  body: RegExp;
  bodyOf: Map<string, string>;
  governmentWide: RegExp;
  campus: RegExp;
  campusNotWith: RegExp;
  campusScopes: Set<string>;
  leader: RegExp | null;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const LATIN = /^[\p{Script=Latin}\p{N}\s.'-]+$/u;

/** Latin names match as whole words ("Kansas" not in "Arkansas"); CJK names as substrings. Longest first. */
function alternation(names: string[]): RegExp {
  if (names.length === 0) return /(?!)/gu; // an empty alternation would match everywhere
  const parts = [...new Set(names)]
    .sort((a, b) => b.length - a.length)
    .map((n) => (LATIN.test(n) ? `(?<![\\p{L}\\p{N}])${escape(n)}(?![\\p{L}\\p{N}])` : escape(n)));
  return new RegExp(parts.join('|'), 'gu');
}

/**
 * A title then a capitalised name of one to three words ("Gov. Kay E. Ivey", "Governor Youngkin"),
 * ending where prose goes on (a comma, a bracket, a lower-case word, the end): a title-case headline
 * ("Gov. Mark Gordon Bans TikTok") gives no name, as its words cannot be told from the name's.
 */
function leaderPattern(titles: string[]): RegExp | null {
  if (titles.length === 0) return null;
  const title = [...new Set(titles)].sort((a, b) => b.length - a.length).map(escape).join('|');
  // A name's word ("Ivey", "O'Brien", "Sanders-Huckabee"); a possessive ("Ivey's order") ends the name.
  const word = "\\p{Lu}[\\p{L}-]*(?:['’]\\p{Lu}[\\p{L}-]*)?";
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${title})\\s+((?:${word}\\.?\\s+){0,2}${word})(?=\\s*[,(;:]|\\s+[\\p{Ll}\\d]|['’]s(?![\\p{L}])|\\s*[.!?]?\\s*$)`, 'gu');
}

/** The one leader's surname a text names by title, lower-cased; none (or several) gives null. */
function leaderIn(text: string, pattern: RegExp): string | null | 'several' {
  const names = new Set<string>();
  for (const m of withoutPrecedents(text).matchAll(pattern)) {
    const last = m[1]!.split(/\s+/u).pop()!;
    names.add(last.toLowerCase());
  }
  return names.size === 1 ? [...names][0]! : names.size > 1 ? 'several' : null;
}

const TABLES = new Map<string, Compiled>();
for (const [country, raw] of Object.entries(actorsData as unknown as Record<string, CountryActors | unknown>)) {
  if (country.startsWith('$')) continue; // $comment, $precedents
  const t = raw as CountryActors;
  const stateOf = new Map<string, string>();
  for (const [code, names] of Object.entries(t.states)) for (const n of names) stateOf.set(n, code);
  const bodyOf = new Map<string, string>();
  for (const [code, names] of Object.entries(t.bodies ?? {})) for (const n of names) bodyOf.set(n, code);
  TABLES.set(country, {
    stagesAcrossActors: t.stagesAcrossActors === true,
    state: alternation([...stateOf.keys()]),
    stateOf,
    subnational: alternation(t.subnational),
    national: alternation(t.national),
    body: alternation([...bodyOf.keys()]),
    bodyOf,
    governmentWide: alternation(t.governmentWide ?? []),
    campus: alternation(t.campuses ?? []),
    campusNotWith: alternation([...(t.campusesNotWith ?? []), ...t.national]),
    campusScopes: new Set(t.campusScopes ?? []),
    leader: leaderPattern(t.leaders ?? []),
  });
}

/** Clauses naming who acted before ("After the Commission and the Council, …", "美·캐나다에 이어"). */
const PRECEDENTS = (actorsData as unknown as { $precedents: string[] }).$precedents.map((p) => new RegExp(p, 'gu'));

function withoutPrecedents(text: string): string {
  let out = text;
  for (const p of PRECEDENTS) out = out.replace(p, ' ');
  return out;
}

/** The states (institutions, bodies) a text names as deciders: one code, several (ambiguous), or none. */
function namedIn(text: string, names: RegExp, codeOf: Map<string, string>): string[] {
  const codes = new Set<string>();
  for (const m of withoutPrecedents(text).matchAll(names)) codes.add(codeOf.get(m[0])!);
  return [...codes];
}

/** Whether a later stage of a measure may be another actor's act in this country (see actors.json). */
export function stagesAcrossActors(countries: string[]): boolean {
  return countries.length === 1 && TABLES.get(countries[0]!)?.stagesAcrossActors === true;
}

/** The first sentence of a lead, bounded: where the decider is named when the headline does not. */
function firstSentence(summary: string, abbreviations = false): string {
  // A dateline names where the story was filed, not who decided ("FORT DRUM, New York (Reuters) -").
  const head = withoutDateline(summary).slice(0, 300);
  // For a leader's name, a title, initial or state abbreviation ("Gov. Kay Ivey", "Kay E. Ivey",
  // "RICHMOND, Va.") does not end the sentence.
  const end = abbreviations ? head.search(/(?<!(?<![\p{L}])\p{Lu}\p{Ll}{0,3})[.!?。！？](\s|$)/u) : head.search(/[.!?。！？](\s|$)/u);
  return end > 0 ? head.slice(0, end + 1) : head;
}

/**
 * The actor of a report whose acting countries are `countries`, or null. For a device ban (the
 * measure, when given), a body that bans on its own devices ("<CC>@NAVY") when the report names
 * one and no state.
 */
export function actorOf(countries: string[], title: string, summary: string | null | undefined, measure?: string | null): string | null {
  if (countries.length !== 1) return null;
  const country = countries[0]!;
  const table = TABLES.get(country);
  if (!table) return null;
  const texts = [title, firstSentence(summary ?? '')];
  const base = campusOf(country, table, texts, deciderIn(country, table, texts, measure), measure);
  if (!table.leader || (base !== null && (!base.includes('-') || base.includes('@')))) return base;
  // The leader: from the first sentence (prose), else a headline not in title case ("Gov. Mark Gordon
  // Bans TikTok From State Devices" cannot be parsed); two leaders named (a round-up) name none.
  for (const text of [firstSentence(summary ?? '', true), titleCase(title) ? '' : title]) {
    const leader = leaderIn(text, table.leader);
    if (leader === 'several') return base;
    if (leader) return `${base ?? `${country}-*`}~${leader}`;
  }
  return base;
}

/**
 * A university, college or university system banning a vendor on its own devices and networks
 * (device bans only): "<state>@UNIV", "<CC>-*@UNIV" where no state is named. Read from the headline,
 * else (a headline naming no decider) the first sentence, when that text names no national body and
 * no governor: "Georgia public colleges ban TikTok" is the university system's act, "Governor bans
 * TikTok on state devices, universities included" the governor's.
 */
function campusOf(country: string, table: Compiled, texts: string[], base: string | null, measure?: string | null): string | null {
  if (measure !== 'device_ban' || (base !== null && (base === country || base.includes('@')))) return base;
  for (const [i, text] of texts.entries()) {
    const plain = withoutPrecedents(text);
    // A campus named just after a preposition is a scope ("banning TikTok in Florida public universities").
    const campus = [...plain.matchAll(table.campus)].some((m) => !plain.slice(0, m.index).trim().split(/\s+/u).slice(-3).some((w) => table.campusScopes.has(w.toLowerCase())));
    table.campusNotWith.lastIndex = 0;
    if (campus && !table.campusNotWith.test(plain) && !(table.leader && leaderIn(text, table.leader))) return `${base ?? `${country}-*`}@UNIV`;
    // A headline naming its decider (a state, "governor", "federal") is not overruled by the lead.
    if (i === 0 && (campus || deciderIn(country, table, [text], measure) !== null)) return base;
  }
  return base;
}

/** Most longer plain Latin words capitalised ("Bans", not "TikTok"): a title-case headline. */
function titleCase(text: string): boolean {
  const words = (text.match(/(?<![\p{L}])\p{Script=Latin}{4,}/gu) ?? []).filter((w) => /^\p{L}\p{Ll}+$/u.test(w));
  return words.length > 0 && words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 > words.length;
}

function deciderIn(country: string, table: Compiled, texts: string[], measure?: string | null): string | null {
  // A body's order to every agency (DHS's 2017 Kaspersky directive to "all federal agencies") is the
  // government's ban, reported as such by other outlets ("US bans Kaspersky from federal agencies"):
  // a body decides apart only for what it runs itself.
  const bodies = measure === 'device_ban' && table.bodyOf.size > 0 &&
    !texts.some((t) => { table.governmentWide.lastIndex = 0; return table.governmentWide.test(t); });
  let ambiguous = false;
  for (const text of texts) {
    const codes = namedIn(text, table.state, table.stateOf);
    if (codes.length === 1) return `${country}-${codes[0]}`;
    // Several deciders named ("Commission, Council and Parliament ban TikTok"): a round-up, or a
    // sentence this reader cannot parse; the next text may still say who acted.
    if (codes.length > 1) ambiguous = true;
    if (codes.length === 0 && bodies) {
      const named = namedIn(text, table.body, table.bodyOf);
      if (named.length === 1) return `${country}@${named[0]}`;
      if (named.length > 1) ambiguous = true;
    }
  }
  if (ambiguous) return null;
  const both = texts.join(' ');
  // A national name is read before a sub-national phrase inside it: "호주 정부" (Australia's
  // government) holds "주 정부" (a state government), "豪州政府" holds "州政府".
  const rest = both.replace(table.national, ' ');
  table.subnational.lastIndex = 0;
  if (table.subnational.test(rest)) return `${country}-*`;
  table.national.lastIndex = 0;
  if (table.national.test(both)) return country;
  return null;
}

const CAMPUS = '@UNIV';
const campus = (a: string) => a.endsWith(CAMPUS) && a.includes('-');

/** An actor without its leader ("US-AL~ivey" → "US-AL"), and the leader. */
function split(a: string): [string, string | undefined] {
  const at = a.indexOf('~');
  return at < 0 ? [a, undefined] : [a.slice(0, at), a.slice(at + 1)];
}

/**
 * Can two actors be the same decider? Unknown is anyone; "some state" is any state; a body ("US@NAVY")
 * is itself only; two named leaders must be the same leader.
 */
function compatible(x: string, y: string): boolean {
  const [a, leaderA] = split(x);
  const [b, leaderB] = split(y);
  if (leaderA && leaderB && leaderA !== leaderB) return false;
  // A university (system) and its state's government are two deciders; two campuses may be one.
  if (campus(a) !== campus(b)) return false;
  if (campus(a)) return compatible(a.slice(0, -CAMPUS.length), b.slice(0, -CAMPUS.length));
  if (a === b) return true;
  const subA = a.includes('-');
  const subB = b.includes('-');
  if (subA !== subB) return false;
  return a.endsWith('-*') || b.endsWith('-*');
}

/** The known actors of a group; "some state" drops out where a state is named (it was that state). */
function named(xs: Array<string | null | undefined>): string[] {
  const known = [...new Set(xs.filter((v): v is string => !!v))];
  const some = (v: string) => split(v)[0].replace(CAMPUS, '').endsWith('-*');
  const states = known.filter((v) => v.includes('-') && !some(v));
  return states.length ? known.filter((v) => !some(v)) : known;
}

/**
 * Do two groups of reports name different deciders? Unknown (null) actors never conflict; otherwise
 * some actor of one group must be able to be some actor of the other (a state is not another state
 * nor a national body; "some state" may be any state). Tolerant by design: one misread report in
 * an event does not wall it off.
 */
export function actorsConflict(a: Array<string | null | undefined>, b: Array<string | null | undefined>): boolean {
  const x = named(a);
  const y = named(b);
  if (!x.length || !y.length) return false;
  // Leaders named on both sides, none shared: other governors, whatever the states read.
  const leadersOf = (xs: Array<string | null | undefined>) => new Set(xs.map((v) => (v ? split(v)[1] : undefined)).filter((l): l is string => !!l));
  const la = leadersOf(a);
  const lb = leadersOf(b);
  if (la.size && lb.size && ![...la].some((l) => lb.has(l))) return true;
  return !x.some((p) => y.some((q) => compatible(p, q)));
}

/**
 * Actors as compared between a report and an event: bodies ("US@NAVY") tell device bans apart only;
 * for anything else (or a device ban against another measure's reports) a body is its country's
 * national level, as the same report would read without the device scope.
 */
function atLevel(actors: Array<string | null | undefined>, deviceBans: boolean): Array<string | null | undefined> {
  return deviceBans ? actors : actors.map((a) => (a && a.includes('@') ? a.slice(0, a.indexOf('@')) : a));
}

/**
 * Does a report name a decider below its country (a state, a leader, a body) that none of the other
 * reports named? Late news of an old decision names who made it as the old reports did; a report
 * naming a governor or a body they never named ("Gov. Noem bans WeChat" weeks after Vermont's ban)
 * is of another act. Unknown actors and a bare "some state" name nobody.
 */
export function namesNewDecider(a: Array<string | null | undefined>, b: Array<string | null | undefined>): boolean {
  const specific = (v: string) => !!split(v)[1] || v.includes('@') || (v.includes('-') && !split(v)[0].endsWith('-*'));
  const own = a.filter((v): v is string => !!v && specific(v));
  if (!own.length) return false;
  const same = (x: string, y: string) => {
    const [px, lx] = split(x);
    const [py, ly] = split(y);
    return (!!lx && lx === ly) || (px === py && !px.endsWith('-*'));
  };
  return !own.some((x) => b.some((y) => !!y && same(x, y)));
}

/** actorsConflict between a report of measure `measureA` and reports of measure `measureB` (bodies count between device bans only). */
export function actorsConflictAt(a: Array<string | null | undefined>, measureA: string, b: Array<string | null | undefined>, measureB: string): boolean {
  const deviceBans = measureA === 'device_ban' && measureB === 'device_ban';
  return actorsConflict(atLevel(a, deviceBans), atLevel(b, deviceBans));
}
