/**
 * Rendering one alert (one event at one stage) as subject + plain text + attributes.
 * Pure: the creation time is passed in. Nothing from a feed reaches the text as markup.
 */
import { alertIdOf, isEnding, stageRank } from './events.js';
import type { Alert, AlertMark, EventSource, Measure, PolicyEvent, Stage } from './model.js';
import { describeEffective } from './effective.js';
import { phrasesFromEvidence } from './phrases.js';
import { htmlToText } from './text.js';

/** SNS rejects subjects of 100 characters or more; email clients cut long ones anyway. */
export const MAX_SUBJECT = 99;
const MAX_TEXT_SOURCES = 10;

export const MEASURE_LABELS: Record<Measure, string> = {
  procurement_exclusion: 'procurement exclusion',
  network_exclusion: 'network exclusion',
  device_ban: 'ban on official devices',
  market_ban: 'market ban',
  export_control: 'export control',
  sanctions: 'sanctions',
  security_warning: 'security warning',
  other_restriction: 'restriction',
};

export const STAGE_LABELS: Record<Stage, string> = {
  proposed: 'proposed',
  announced: 'announced',
  in_force: 'in force',
  lifted: 'lifted',
  rejected: 'rejected',
};

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** Where Intl's English name is not what a reader expects ("Hong Kong SAR China", "Congo - Kinshasa"). */
const COUNTRY_NAME: Record<string, string> = {
  EU: 'European Union',
  HK: 'Hong Kong',
  MO: 'Macao',
  PS: 'Palestine',
  CD: 'Democratic Republic of the Congo',
  CG: 'Republic of the Congo',
};
/** Names read with "the" ("the United States will…"). */
const WITH_ARTICLE = new Set(['EU', 'US', 'GB', 'NL', 'PH', 'AE', 'DO', 'BS', 'GM', 'KM', 'MV', 'MH', 'SB', 'CF', 'CD', 'CG', 'CZ']);

export function countryName(code: string): string {
  const fixed = COUNTRY_NAME[code];
  if (fixed) return fixed;
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Japanese" for "ja"; the code itself when unknown. */
export function languageName(code: string | null | undefined): string | null {
  if (!code) return null;
  try {
    const name = languageNames.of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

const listFormat = new Intl.ListFormat('en', { style: 'long', type: 'conjunction' });

/** "Huawei and ZTE"; "Huawei, ZTE, Hikvision and 2 more" past four. */
export function vendorList(vendors: string[], max = 4): string {
  if (vendors.length <= max) return listFormat.format(vendors);
  return `${vendors.slice(0, max - 1).join(', ')} and ${vendors.length - max + 1} more`;
}

/** "Japan", "the United States and the United Kingdom" (capitalised by the caller at a sentence start). */
export function countryList(codes: string[]): string {
  return listFormat.format(codes.map((c) => `${WITH_ARTICLE.has(c) ? 'the ' : ''}${countryName(c)}`));
}

/** One line, no control characters, no markup, at most `max` characters. */
export function oneLine(s: string, max: number): string {
  const clean = htmlToText(s).replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, ' ').replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  return `${clean.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '')}\u2026`;
}

/** Topic name suffixes an alert goes to: "all" and one per acting country. */
export function topicsFor(event: Pick<PolicyEvent, 'countries'>): string[] {
  return ['all', ...event.countries.map((c) => `country-${c.toLowerCase()}`)];
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "14 Jul 2020": the date people read (UTC day of the instant), no time of day. */
export function humanDate(iso: string | null | undefined): string {
  const t = iso ? Date.parse(iso) : NaN;
  if (!Number.isFinite(t)) return 'date unknown';
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Huawei, ZTE +3": at most three names, so the subject keeps the stage and the country. */
export function shortVendors(vendors: string[], max = 3): string {
  if (vendors.length <= max) return vendors.join(', ');
  return `${vendors.slice(0, max).join(', ')} +${vendors.length - max}`;
}

/** "official (mic-japan)" or "reported (3 outlets)". */
export function statusOf(event: PolicyEvent): string {
  const officialFeeds = [...new Set(event.sources.filter((s) => s.official).map((s) => s.feedId))];
  if (officialFeeds.length) return `official (${officialFeeds.join(', ')})`;
  const n = event.outlets?.length ?? new Set(event.sources.map((s) => s.feedId)).size;
  return `reported (${n} outlet${n === 1 ? '' : 's'})`;
}

/** The stage timeline, "announced 14 Jul 2020 → in force 1 Jan 2021". */
export function timelineOf(event: PolicyEvent): string {
  const steps = (event.history ?? []).map((h) => `${STAGE_LABELS[h.stage]} ${humanDate(h.at)}`);
  return steps.length ? steps.join(' \u2192 ') : `${STAGE_LABELS[event.stage]} ${humanDate(event.firstSeen)}`;
}

/**
 * "an earlier alert said in force on the strength of one report (Bloomberg, 6 Jul 2020); 6 outlets
 * since report it as announced."
 */
function correctionOf(event: PolicyEvent, mark: AlertMark): string {
  const said = mark.retracted ?? mark.stage;
  const rested = event.retractions?.find((r) => r.stage === said)?.itemKeys ?? [];
  const lone = event.sources.find((s) => rested.includes(s.itemKey)) ?? event.sources.find((s) => s.stage !== undefined && !isEnding(s.stage) && stageRank(s.stage) >= stageRank(said));
  const against = new Set(event.sources.filter((s) => s.stage !== undefined && stageRank(s.stage) < stageRank(said)).map((s) => s.outlet ?? s.itemKey)).size;
  const from = lone ? ` (${[lone.outlet, lone.published ? humanDate(lone.published) : null].filter(Boolean).join(', ')})` : '';
  return `an earlier alert said ${STAGE_LABELS[said]} on the strength of one report${from}; ${against} outlets since report it as ${STAGE_LABELS[mark.stage]}.`;
}

/** Vendors the alert names that no earlier alert did. */
function addedVendors(event: PolicyEvent, mark: AlertMark): string[] {
  const before = new Set(event.alertedVendors ?? []);
  return mark.vendors.filter((v) => !before.has(v));
}

export function renderSubject(event: PolicyEvent, mark: AlertMark = { kind: 'stage', stage: event.stage, vendors: event.vendors }): string {
  const what = `${event.countries.join('/')}: ${MEASURE_LABELS[event.measure]} of ${shortVendors(mark.vendors)}`;
  // The stage leads every subject (what a reader scans an inbox for); what kind of alert follows it.
  const stage = capitalise(STAGE_LABELS[mark.stage]);
  const isUpdate = event.alertedStages.length > 0;
  let full: string;
  if (mark.kind === 'confirmed') full = `${stage}, confirmed \u2014 ${what}`;
  else if (mark.kind === 'corrected') full = `${stage} (correction: not ${STAGE_LABELS[mark.retracted ?? mark.stage]}) \u2014 ${what}`;
  else if (mark.kind === 'vendors') full = `${stage}, also ${shortVendors(addedVendors(event, mark), 2)} \u2014 ${what}`;
  else full = `${stage}${isUpdate ? ' (update)' : ''} \u2014 ${what}`;
  return asciiCut(oneLine(full, 500), MAX_SUBJECT);
}

/** Subjects are cut with ASCII "..." (mail clients render it everywhere). */
function asciiCut(s: string, max: number): string {
  if (s.length <= max) return s;
  return `${s.slice(0, max - 3).replace(/[\ud800-\udbff]$/, '')}...`;
}

/** Official sources first (the acting government's own word), then reports oldest first. */
export function orderedSources(event: PolicyEvent): PolicyEvent['sources'] {
  return [...event.sources.filter((s) => s.official), ...event.sources.filter((s) => !s.official)];
}

/** How a measure reads in an English sentence: the verb (base, present) and what follows it. */
const MEASURE_SENTENCE: Record<Measure, { base: string; present: string; ing: string; object: (vendors: string) => string }> = {
  procurement_exclusion: { base: 'exclude', present: 'excludes', ing: 'excluding', object: (v) => `${v} from government procurement` },
  network_exclusion: { base: 'exclude', present: 'excludes', ing: 'excluding', object: (v) => `${v} from its telecom networks` },
  device_ban: { base: 'ban', present: 'bans', ing: 'banning', object: (v) => `${v} on government devices` },
  market_ban: { base: 'ban', present: 'bans', ing: 'banning', object: (v) => `${v} from its market` },
  export_control: { base: 'restrict', present: 'restricts', ing: 'restricting', object: (v) => `exports to ${v}` },
  sanctions: { base: 'sanction', present: 'sanctions', ing: 'sanctioning', object: (v) => v },
  security_warning: { base: 'warn', present: 'warns', ing: 'warning', object: (v) => `against using ${v}` },
  other_restriction: { base: 'restrict', present: 'restricts', ing: 'restricting', object: (v) => v },
};

/** When the event reached its current stage (the timeline), else its first report. */
export function stageDate(event: PolicyEvent): string {
  return event.history?.filter((h) => h.stage === event.stage).at(-1)?.at ?? event.firstSeen;
}

/** The official sources' outlets ("soumu.go.jp"), else their feeds. */
function officialNames(event: PolicyEvent): string[] {
  return [...new Set(event.sources.filter((s) => s.official).map((s) => s.outlet ?? s.feedId))];
}

function outletCount(event: PolicyEvent): number {
  return event.outlets?.length ?? new Set(event.sources.map((s) => s.outlet ?? s.feedId)).size;
}

/**
 * One English sentence from the structured fields, whatever language the reports were in:
 * "Japan will exclude Huawei and ZTE from government procurement (announced 10 Nov 2026; effective
 * from 1 Apr 2027; official: soumu.go.jp)".
 */
export function sentenceOf(event: PolicyEvent): string {
  const who = capitalise(countryList(event.countries));
  const singular = event.countries.length === 1;
  const m = MEASURE_SENTENCE[event.measure];
  const v = vendorList(event.vendors);
  let main: string;
  switch (event.stage) {
    case 'proposed':
      main = `${who} ${singular ? 'considers' : 'consider'} ${m.ing} ${m.object(v)}`;
      break;
    case 'announced':
      main = `${who} will ${m.base} ${m.object(v)}`;
      break;
    case 'in_force':
      main = `${who} ${singular ? m.present : m.base} ${m.object(v)}`;
      break;
    case 'lifted':
      main = `${who} ${singular ? 'lifts' : 'lift'} ${singular ? 'its' : 'their'} ${MEASURE_LABELS[event.measure]} of ${v}`;
      break;
    case 'rejected':
      main = `${who} ${singular ? 'drops' : 'drop'} the proposed ${MEASURE_LABELS[event.measure]} of ${v}`;
      break;
  }
  const notes = [`${STAGE_LABELS[event.stage]} ${humanDate(stageDate(event))}`];
  if (event.effective && event.stage !== 'lifted' && event.stage !== 'rejected') {
    notes.push(event.effective.kind === 'immediate' ? 'effective immediately' : `effective ${describeEffective(event.effective)}`);
  }
  const officials = officialNames(event);
  if (officials.length) notes.push(`official: ${officials.slice(0, 2).join(', ')}`);
  else {
    const n = outletCount(event);
    notes.push(`reported by ${n} outlet${n === 1 ? '' : 's'}`);
  }
  return `${main} (${notes.join('; ')})`;
}

/** Confidence in words: what a reader can do with it. */
export function confidenceWords(event: Pick<PolicyEvent, 'confidence' | 'sources' | 'outlets'>): string {
  const pct = `${Math.round(event.confidence * 100)}%`;
  if (event.sources.some((s) => s.official)) return `high (${pct}): the acting government's own word`;
  const n = event.outlets?.length ?? new Set(event.sources.map((s) => s.outlet ?? s.feedId)).size;
  const outlets = `${n} outlet${n === 1 ? '' : 's'}`;
  if (event.confidence >= 0.9) return `high (${pct}), ${outlets}`;
  if (event.confidence >= 0.75) return `fair (${pct}), ${outlets}: check the source`;
  return `low (${pct}), ${outlets}: unconfirmed, read the source before acting`;
}

/** The report a reader should see first: the acting government's own, else the one that set the stage, else the first. */
function leadSource(event: PolicyEvent): PolicyEvent['sources'][number] | undefined {
  const setter = event.history?.filter((h) => h.stage === event.stage).at(-1)?.itemKey;
  return event.sources.find((s) => s.official) ?? event.sources.find((s) => s.itemKey === setter) ?? event.sources[0];
}

/** Latin letters only (and no language given): most likely an English headline. */
const LATIN_ONLY = /^[\p{Script=Latin}\p{N}\p{P}\p{Zs}\p{S}]+$/u;

function isEnglish(s: PolicyEvent['sources'][number]): boolean {
  return s.language ? s.language === 'en' : LATIN_ONLY.test(s.title) && /\b(?:the|to|of|and|from|on|bans?|in)\b/i.test(s.title);
}

/** The one or two decisive phrases of the event (see core/phrases.ts). */
export function decisiveOf(event: PolicyEvent): string[] {
  const lead = leadSource(event);
  const ordered = [lead, ...event.sources.filter((s) => s !== lead)].filter((s): s is EventSource => !!s?.phrases?.length);
  const first = ordered[0];
  if (first?.phrases) {
    // A reader of English gets one phrase in English when a report has one.
    const english = isEnglish(first) ? undefined : ordered.find((s) => s !== first && isEnglish(s));
    return english?.phrases ? [first.phrases[0]!, english.phrases[0]!] : first.phrases.slice(0, 2);
  }
  return phrasesFromEvidence(event.evidence, [...event.vendors, ...event.countries, ...event.countries.map(countryName)]);
}

export function renderText(event: PolicyEvent, mark: AlertMark = { kind: 'stage', stage: event.stage, vendors: event.vendors }): string {
  const lines: string[] = [];
  lines.push(oneLine(`${sentenceOf(event)}.`, 400));
  if (mark.kind === 'stage' && event.alertedStages.length > 0) {
    lines.push(`Update:     ${timelineOf(event)}`);
  } else if (mark.kind === 'confirmed') {
    const official = event.sources.find((s) => s.official && s.feedId === mark.officialFeedId) ?? event.sources.find((s) => s.official);
    lines.push(`Confirmed by ${official?.outlet ?? mark.officialFeedId ?? 'an official source'}: ${oneLine(official?.title ?? '', 200)}`);
  } else if (mark.kind === 'vendors') {
    lines.push(`Update:     now also names ${addedVendors(event, mark).join(', ')}`);
  } else if (mark.kind === 'corrected') {
    lines.push(`Correction: ${correctionOf(event, mark)}`);
  }
  lines.push('');

  const lead = leadSource(event);
  const headline = lead?.title ?? event.title;
  const lang = languageName(lead?.language);
  lines.push(`Headline${lang ? ` (${lang}${lead?.official ? ', official' : ''})` : lead?.official ? ' (official)' : ''}: ${oneLine(headline, 300)}`);
  if (!lead || !isEnglish(lead)) {
    const english = event.sources.find((s) => s !== lead && isEnglish(s));
    if (english) lines.push(`In English (${english.outlet ?? english.feedId}): ${oneLine(english.title, 300)}`);
  }

  const phrases = decisiveOf(event);
  if (phrases.length) {
    lines.push('');
    lines.push('Why banwatch thinks so:');
    for (const p of phrases) lines.push(`  "${oneLine(p, 220)}"`);
  }
  lines.push('');

  const dates = [`first reported ${humanDate(event.firstSeen)}`];
  const firstOfficial = event.sources.filter((s) => s.official).map((s) => s.at ?? s.published).filter((d): d is string => !!d).sort()[0];
  if (firstOfficial) dates.push(`official word ${humanDate(firstOfficial)}`);
  lines.push(`Dates:      ${dates.join('; ')}`);
  if (event.effective) lines.push(`Effective:  ${describeEffective(event.effective)} ("${oneLine(event.effective.phrase, 80)}")`);
  lines.push(`Timeline:   ${timelineOf(event)}`);
  lines.push(`Status:     ${statusOf(event)}`);
  lines.push(`Confidence: ${confidenceWords(event)}`);
  lines.push(`Acting:     ${event.countries.map((c) => `${countryName(c)} (${c})`).join(', ')}`);
  lines.push(`Vendors:    ${event.vendors.join(', ')}`);
  lines.push(`Measure:    ${MEASURE_LABELS[event.measure]}`);

  const sources = orderedSources(event);
  lines.push('');
  lines.push(`Sources (${event.reportCount ?? event.sources.length}):`);
  for (const s of sources.slice(0, MAX_TEXT_SOURCES)) {
    const notes = [s.published ? humanDate(s.published) : null, s.language && s.language !== 'en' ? languageName(s.language) : null].filter(Boolean);
    lines.push(`  - ${s.official ? '[official] ' : ''}${oneLine(s.title, 200)}${notes.length ? ` (${notes.join(', ')})` : ''}`);
    if (s.link) lines.push(`    ${oneLine(s.link, 500)}`);
  }
  if (sources.length > MAX_TEXT_SOURCES) lines.push(`  \u2026 and ${sources.length - MAX_TEXT_SOURCES} more`);
  lines.push('');
  lines.push(...footerOf(event, mark));
  return lines.join('\n');
}

/** What a subscription must name to receive this alert: any of its countries, vendors, the measure or the stage. */
export function matchedBy(event: PolicyEvent, mark: AlertMark): string {
  return [
    ...event.countries.map((c) => `${countryName(c)} (${c})`),
    ...mark.vendors,
    MEASURE_LABELS[event.measure],
    STAGE_LABELS[mark.stage],
  ].join(', ');
}

/**
 * "Why you got this" and how to change it. One message goes to every subscriber of a topic, so it
 * names what a filter must have matched rather than one subscriber's filter.
 */
function footerOf(event: PolicyEvent, mark: AlertMark): string[] {
  const cc = event.countries[0] ?? 'JP';
  return [
    `Why you got this: it concerns ${matchedBy(event, mark)}; your subscription names one of these (or everything).`,
    `Change it: banwatch subscribe YOUR-ADDRESS --country ${cc} --frequency daily (immediate, daily or weekly); stop: the unsubscribe link below, or banwatch unsubscribe SUBSCRIPTION-ARN.`,
    `Details: banwatch event ${event.eventId}`,
  ];
}

/** The event as it stood when it reached `stage`: its timeline up to that stage. */
function asAtStage(event: PolicyEvent, stage: Stage): PolicyEvent {
  const upTo = (event.history ?? []).findIndex((h) => h.stage === stage);
  return { ...event, stage, history: upTo >= 0 ? (event.history ?? []).slice(0, upTo + 1) : event.history };
}

/** The alert for `mark` (default: the event's current stage). */
export function renderAlert(event: PolicyEvent, mark: AlertMark | Date, now?: Date): Alert {
  // renderAlert(event, now) renders the current stage (tests, previews).
  const m: AlertMark = mark instanceof Date ? { kind: 'stage', stage: event.stage, vendors: event.vendors } : mark;
  const at = mark instanceof Date ? mark : (now as Date);
  // A stage the event passed before its ending (events.passedStage) reads as the event was then.
  const view = m.kind === 'stage' && m.stage !== event.stage ? asAtStage(event, m.stage) : event;
  return {
    alertId: alertIdOf(event.eventId, m),
    eventId: event.eventId,
    mark: m,
    subject: renderSubject(view, m),
    text: renderText(view, m),
    attributes: { countries: event.countries, vendors: m.vendors, measure: event.measure, stage: m.stage },
    topics: topicsFor(event),
    sources: orderedSources(view).map((s) => ({ title: s.title, link: s.link, feedId: s.feedId, published: s.published })),
    createdAt: at.toISOString(),
    event,
  };
}
