/**
 * Rendering one alert (one event at one stage) as subject + plain text + attributes.
 * Pure: the creation time is passed in. Nothing from a feed reaches the text as markup.
 */
import { alertIdOf, stageRank } from './events.js';
import type { Alert, AlertMark, Measure, PolicyEvent, Stage } from './model.js';
import { htmlToText } from './text.js';

/** SNS rejects subjects of 100 characters or more; email clients cut long ones anyway. */
export const MAX_SUBJECT = 99;
const MAX_TEXT_SOURCES = 10;

const MEASURE_LABEL: Record<Measure, string> = {
  procurement_exclusion: 'procurement exclusion',
  network_exclusion: 'network exclusion',
  device_ban: 'ban on official devices',
  market_ban: 'market ban',
  export_control: 'export control',
  sanctions: 'sanctions',
  security_warning: 'security warning',
  other_restriction: 'restriction',
};

const STAGE_LABEL: Record<Stage, string> = {
  proposed: 'proposed',
  announced: 'announced',
  in_force: 'in force',
  lifted: 'lifted',
  rejected: 'rejected',
};

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryName(code: string): string {
  if (code === 'EU') return 'European Union';
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
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
  const steps = (event.history ?? []).map((h) => `${STAGE_LABEL[h.stage]} ${humanDate(h.at)}`);
  return steps.length ? steps.join(' \u2192 ') : `${STAGE_LABEL[event.stage]} ${humanDate(event.firstSeen)}`;
}

/**
 * "an earlier alert said in force on the strength of one report (Bloomberg, 6 Jul 2020); 6 outlets
 * since report it as announced."
 */
function correctionOf(event: PolicyEvent, mark: AlertMark): string {
  const said = mark.retracted ?? mark.stage;
  const lone = event.sources.find((s) => s.stage !== undefined && stageRank(s.stage) >= stageRank(said) && s.stage !== 'lifted' && s.stage !== 'rejected');
  const against = new Set(event.sources.filter((s) => s.stage !== undefined && stageRank(s.stage) < stageRank(said)).map((s) => s.outlet ?? s.itemKey)).size;
  const from = lone ? ` (${[lone.outlet, lone.published ? humanDate(lone.published) : null].filter(Boolean).join(', ')})` : '';
  return `an earlier alert said ${STAGE_LABEL[said]} on the strength of one report${from}; ${against} outlets since report it as ${STAGE_LABEL[mark.stage]}.`;
}

/** Vendors the alert names that no earlier alert did. */
function addedVendors(event: PolicyEvent, mark: AlertMark): string[] {
  const before = new Set(event.alertedVendors ?? []);
  return mark.vendors.filter((v) => !before.has(v));
}

export function renderSubject(event: PolicyEvent, mark: AlertMark = { kind: 'stage', stage: event.stage, vendors: event.vendors }): string {
  const what = `${event.countries.join('/')}: ${MEASURE_LABEL[event.measure]} of ${shortVendors(mark.vendors)}`;
  // The stage leads every subject (what a reader scans an inbox for); what kind of alert follows it.
  const stage = capitalise(STAGE_LABEL[mark.stage]);
  const isUpdate = event.alertedStages.length > 0;
  let full: string;
  if (mark.kind === 'confirmed') full = `${stage}, confirmed \u2014 ${what}`;
  else if (mark.kind === 'corrected') full = `${stage} (correction: not ${STAGE_LABEL[mark.retracted ?? mark.stage]}) \u2014 ${what}`;
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

export function renderText(event: PolicyEvent, mark: AlertMark = { kind: 'stage', stage: event.stage, vendors: event.vendors }): string {
  const lines: string[] = [];
  lines.push(oneLine(event.title, 300));
  lines.push('');
  if (mark.kind === 'stage' && event.alertedStages.length > 0) {
    lines.push(`Update:     ${timelineOf(event)}`);
  } else if (mark.kind === 'confirmed') {
    const official = event.sources.find((s) => s.official && s.feedId === mark.officialFeedId) ?? event.sources.find((s) => s.official);
    lines.push(`Confirmed by ${mark.officialFeedId ?? 'an official source'}: ${oneLine(official?.title ?? '', 200)}`);
  } else if (mark.kind === 'vendors') {
    lines.push(`Update:     now also names ${addedVendors(event, mark).join(', ')}`);
  } else if (mark.kind === 'corrected') {
    lines.push(`Correction: ${correctionOf(event, mark)}`);
  }
  lines.push(`Acting:     ${event.countries.map((c) => `${countryName(c)} (${c})`).join(', ')}`);
  lines.push(`Vendors:    ${event.vendors.join(', ')}`);
  lines.push(`Measure:    ${MEASURE_LABEL[event.measure]} [${event.measure}]`);
  lines.push(`Stage:      ${STAGE_LABEL[event.stage]} [${event.stage}]`);
  lines.push(`Timeline:   ${timelineOf(event)}`);
  lines.push(`Status:     ${statusOf(event)}`);
  lines.push(`Confidence: ${Math.round(event.confidence * 100)}%`);
  lines.push(`First seen: ${humanDate(event.firstSeen)}`);
  if (event.evidence.length) {
    lines.push('');
    lines.push('Why banwatch thinks so:');
    for (const e of event.evidence) lines.push(`  - "${oneLine(e, 200)}"`);
  }
  const sources = orderedSources(event);
  lines.push('');
  lines.push(`Sources (${event.reportCount ?? event.sources.length}):`);
  for (const s of sources.slice(0, MAX_TEXT_SOURCES)) {
    const date = s.published ? ` (${humanDate(s.published)})` : '';
    lines.push(`  - ${s.official ? '[official] ' : ''}${oneLine(s.title, 200)}${date}`);
    if (s.link) lines.push(`    ${oneLine(s.link, 500)}`);
  }
  if (sources.length > MAX_TEXT_SOURCES) lines.push(`  \u2026 and ${sources.length - MAX_TEXT_SOURCES} more`);
  lines.push('');
  lines.push(`Event ${event.eventId}`);
  return lines.join('\n');
}

/** The alert for `mark` (default: the event's current stage). */
export function renderAlert(event: PolicyEvent, mark: AlertMark | Date, now?: Date): Alert {
  // renderAlert(event, now) renders the current stage (tests, previews).
  const m: AlertMark = mark instanceof Date ? { kind: 'stage', stage: event.stage, vendors: event.vendors } : mark;
  const at = mark instanceof Date ? mark : (now as Date);
  return {
    alertId: alertIdOf(event.eventId, m),
    eventId: event.eventId,
    mark: m,
    subject: renderSubject(event, m),
    text: renderText(event, m),
    attributes: { countries: event.countries, vendors: m.vendors, measure: event.measure, stage: m.stage },
    topics: topicsFor(event),
    sources: orderedSources(event).map((s) => ({ title: s.title, link: s.link, feedId: s.feedId, published: s.published })),
    createdAt: at.toISOString(),
    event,
  };
}
