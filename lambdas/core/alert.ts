/**
 * Rendering one alert (one event at one stage) as subject + plain text + attributes.
 * Pure: the creation time is passed in. Nothing from a feed reaches the text as markup.
 */
import type { Alert, Measure, PolicyEvent, Stage } from './model.js';
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

export function alertIdOf(eventId: string, stage: Stage): string {
  return `${eventId}-${stage}`;
}

/** Topic name suffixes an alert goes to: "all" and one per acting country. */
export function topicsFor(event: Pick<PolicyEvent, 'countries'>): string[] {
  return ['all', ...event.countries.map((c) => `country-${c.toLowerCase()}`)];
}

export function renderSubject(event: PolicyEvent): string {
  const who = event.countries.join('/');
  const vendors = event.vendors.join(', ');
  const full = `${who}: ${MEASURE_LABEL[event.measure]} of ${vendors} (${STAGE_LABEL[event.stage]})`;
  return oneLine(full, MAX_SUBJECT);
}

export function renderText(event: PolicyEvent): string {
  const lines: string[] = [];
  lines.push(oneLine(event.title, 300));
  lines.push('');
  lines.push(`Acting:     ${event.countries.map((c) => `${countryName(c)} (${c})`).join(', ')}`);
  lines.push(`Vendors:    ${event.vendors.join(', ')}`);
  lines.push(`Measure:    ${MEASURE_LABEL[event.measure]} [${event.measure}]`);
  lines.push(`Stage:      ${STAGE_LABEL[event.stage]} [${event.stage}]`);
  lines.push(`Confidence: ${Math.round(event.confidence * 100)}%`);
  lines.push(`First seen: ${event.firstSeen}`);
  if (event.evidence.length) {
    lines.push('');
    lines.push('Why banwatch thinks so:');
    for (const e of event.evidence) lines.push(`  - "${oneLine(e, 200)}"`);
  }
  lines.push('');
  lines.push(`Sources (${event.sources.length}):`);
  for (const s of event.sources.slice(0, MAX_TEXT_SOURCES)) {
    const date = s.published ? ` (${s.published.slice(0, 10)})` : '';
    lines.push(`  - ${oneLine(s.title, 200)}${date}`);
    if (s.link) lines.push(`    ${oneLine(s.link, 500)}`);
  }
  if (event.sources.length > MAX_TEXT_SOURCES) lines.push(`  … and ${event.sources.length - MAX_TEXT_SOURCES} more`);
  lines.push('');
  lines.push(`Event ${event.eventId}`);
  return lines.join('\n');
}

/** The alert for the event's current stage. */
export function renderAlert(event: PolicyEvent, now: Date): Alert {
  return {
    alertId: alertIdOf(event.eventId, event.stage),
    eventId: event.eventId,
    subject: renderSubject(event),
    text: renderText(event),
    attributes: { countries: event.countries, vendors: event.vendors, measure: event.measure, stage: event.stage },
    topics: topicsFor(event),
    sources: event.sources.map((s) => ({ title: s.title, link: s.link, feedId: s.feedId, published: s.published })),
    createdAt: now.toISOString(),
    event,
  };
}
