/**
 * Events for other tools: a public JSON shape (no internal bookkeeping: versions, resolution keys,
 * alert state), CSV of the same rows, and an Atom feed per filter (readers, Slack, changedetection,
 * anything that follows feeds). Pure: the feed's `updated` time is passed in.
 */
import { stringify } from 'csv-stringify/sync';
import { Feed } from 'feed';
import { MEASURE_LABELS, STAGE_LABELS, confidenceWords, decisiveOf, humanDate, orderedSources, renderText, sentenceOf, stageDate } from './alert.js';
import { describeEffective } from './effective.js';
import type { EffectiveDate, Measure, PolicyEvent, Stage } from './model.js';

/** One event as exported (JSON, CSV rows, the report page's data). */
export interface PublicEvent {
  id: string;
  countries: string[];
  vendors: string[];
  measure: Measure;
  stage: Stage;
  /** One English sentence (alert.ts sentenceOf). */
  summary: string;
  /** The headline of the lead report (official first), as published. */
  headline: string;
  link: string | null;
  stageDate: string;
  firstSeen: string;
  lastSeen: string;
  effective: EffectiveDate | null;
  confidence: number;
  confidenceWords: string;
  official: boolean;
  outlets: number;
  /** Old news only (stored, never alerted). */
  oldNews: boolean;
  timeline: Array<{ stage: Stage; at: string; official: boolean }>;
  evidence: string[];
  sources: Array<{ title: string; link: string | null; outlet: string | null; published: string | null; official: boolean; language: string | null }>;
}

export function toPublicEvent(e: PolicyEvent): PublicEvent {
  const sources = orderedSources(e);
  const lead = sources[0];
  return {
    id: e.eventId,
    countries: e.countries,
    vendors: e.vendors,
    measure: e.measure,
    stage: e.stage,
    summary: sentenceOf(e),
    headline: lead?.title ?? e.title,
    link: lead?.link ?? null,
    stageDate: stageDate(e),
    firstSeen: e.firstSeen,
    lastSeen: e.lastSeen,
    effective: e.effective ?? null,
    confidence: e.confidence,
    confidenceWords: confidenceWords(e),
    official: e.sources.some((s) => s.official),
    outlets: e.outlets?.length ?? new Set(e.sources.map((s) => s.outlet ?? s.feedId)).size,
    oldNews: !!e.backfill,
    timeline: (e.history ?? []).map((h) => ({ stage: h.stage, at: h.at, official: h.official })),
    evidence: decisiveOf(e),
    sources: sources.map((s) => ({
      title: s.title,
      link: s.link,
      outlet: s.outlet ?? null,
      published: s.published,
      official: !!s.official,
      language: s.language ?? null,
    })),
  };
}

export function eventsToJson(events: PolicyEvent[]): string {
  return `${JSON.stringify(events.map(toPublicEvent), null, 2)}\n`;
}

const CSV_COLUMNS = [
  'id', 'countries', 'vendors', 'measure', 'stage', 'stage_date', 'effective', 'summary', 'headline', 'link',
  'confidence', 'official', 'outlets', 'first_seen', 'last_seen', 'evidence',
] as const;

/**
 * RFC 4180 CSV with a header row, one event a row; lists joined with "; ". Cells starting with
 * = + - @ are escaped (csv-stringify escape_formulas): a headline must not run as a spreadsheet formula.
 */
export function eventsToCsv(events: PolicyEvent[]): string {
  const rows = events.map((e) => {
    const p = toPublicEvent(e);
    return [
      p.id, p.countries.join('; '), p.vendors.join('; '), p.measure, p.stage, p.stageDate.slice(0, 10),
      p.effective ? describeEffective(p.effective) : '', p.summary, p.headline, p.link ?? '',
      p.confidence.toFixed(2), p.official ? 'yes' : 'no', String(p.outlets), p.firstSeen, p.lastSeen, p.evidence.join(' | '),
    ];
  });
  return stringify([[...CSV_COLUMNS], ...rows], { escape_formulas: true, record_delimiter: 'windows' });
}

export interface AtomOptions {
  /** The feed's title suffix, e.g. the filter ("country Japan (JP)"). */
  filter: string;
  /** When the feed was generated (the newest event's last sighting is used when later). */
  updated: Date;
  /** Where the feed will be served, when known (its rel="self" link). */
  selfUrl?: string;
}

/** Atom 1.0: one entry per event, id stable (the event id), updated when the event changes. */
export function eventsToAtom(events: PolicyEvent[], opts: AtomOptions): string {
  const newest = events.reduce((t, e) => (e.lastSeen > t ? e.lastSeen : t), '');
  const feed = new Feed({
    id: `urn:banwatch:feed:${encodeURIComponent(opts.filter)}`,
    title: `banwatch: ${opts.filter}`,
    description: 'State measures against technology vendors (bans, exclusions, restrictions and their lifting), one entry per decision.',
    updated: newest && Date.parse(newest) > opts.updated.getTime() ? new Date(newest) : opts.updated,
    generator: 'banwatch',
    copyright: 'Headlines and links belong to their publishers.',
    ...(opts.selfUrl ? { feedLinks: { atom: opts.selfUrl } } : {}),
  });
  for (const e of events) {
    const p = toPublicEvent(e);
    feed.addItem({
      title: `${STAGE_LABELS[e.stage]}: ${p.summary}`,
      id: `urn:banwatch:event:${e.eventId}`,
      link: p.link ?? `urn:banwatch:event:${e.eventId}`,
      date: new Date(e.lastSeen),
      published: new Date(e.firstSeen),
      description: `${p.summary}. ${MEASURE_LABELS[e.measure]}, ${STAGE_LABELS[e.stage]} ${humanDate(p.stageDate)}; ${p.confidenceWords}.`,
      // The alert's plain text: the feed reader shows what an e-mail subscriber reads.
      content: `<pre>${renderText(e).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</pre>`,
      category: [...e.countries.map((c) => ({ term: c, name: c })), ...e.vendors.map((v) => ({ term: v, name: v })), { term: e.measure }, { term: e.stage }],
    });
  }
  return feed.atom1();
}
