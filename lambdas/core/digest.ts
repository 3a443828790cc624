/**
 * Digests: what changed in a period, grouped by change (new measures, now in force, lifted or
 * dropped, officially confirmed, more vendors, not yet confirmed) and by country, as plain text and
 * as e-mail-safe HTML. Built from the alerts each event records (sent or held below the confidence
 * floor), so a digest says exactly what the immediate alerts said, plus what was held and what
 * still waits for a second report. Pure: the period is passed in.
 */
import { confidenceWords, countryName, humanDate, orderedSources, oneLine, sentenceOf } from './alert.js';
import { describeFilter, matchesFilter, type EventFilter } from './event-filter.js';
import type { PolicyEvent, SentAlert } from './model.js';

export type ChangeKind = 'new' | 'in_force' | 'ended' | 'confirmed' | 'vendors' | 'unconfirmed';

export const SECTION_TITLES: Record<ChangeKind, string> = {
  new: 'New measures',
  in_force: 'Now in force',
  ended: 'Lifted or dropped',
  confirmed: 'Confirmed by the government',
  vendors: 'More vendors named',
  unconfirmed: 'Reported once, not yet confirmed',
};
const ORDER: ChangeKind[] = ['new', 'in_force', 'ended', 'confirmed', 'vendors', 'unconfirmed'];

export interface DigestEntry {
  event: PolicyEvent;
  change: ChangeKind;
  /** When the change was recorded (the alert's time; the last report for unconfirmed ones). */
  at: string;
  /** Below the confidence floor: this digest is where it is told. */
  held: boolean;
}

export interface Digest {
  since: string;
  until: string;
  filter: string;
  sections: Array<{ change: ChangeKind; title: string; countries: Array<{ country: string; name: string; entries: DigestEntry[] }> }>;
  /** Entries per acting country, most first. */
  byCountry: Array<{ country: string; name: string; count: number }>;
  total: number;
}

function changeOf(a: SentAlert): ChangeKind {
  if (a.kind === 'confirmed') return 'confirmed';
  if (a.kind === 'vendors') return 'vendors';
  if (a.stage === 'in_force') return 'in_force';
  if (a.stage === 'lifted' || a.stage === 'rejected') return 'ended';
  return 'new';
}

/** The event's entry for the period, or null: its latest alert in the period, else its unconfirmed news. */
export function entryOf(event: PolicyEvent, since: string, until: string): DigestEntry | null {
  const inPeriod = (event.alerts ?? []).filter((a) => a.at >= since && a.at < until);
  const last = inPeriod.at(-1);
  if (last) return { event, change: changeOf(last), at: last.at, held: !!last.held };
  // Nothing alerted yet: one unsure report waiting for a second outlet (old news never appears).
  if ((event.alerts ?? []).length === 0 && !event.backfill && event.alertedStages.length === 0 && event.lastSeen >= since && event.lastSeen < until) {
    return { event, change: 'unconfirmed', at: event.lastSeen, held: false };
  }
  return null;
}

export function buildDigest(events: PolicyEvent[], opts: { since: string; until: string; filter?: EventFilter }): Digest {
  const filter = opts.filter ?? {};
  // The period bounds alerts, not the events' own dates: an event first seen long ago that took effect this week belongs here.
  const { since: _s, until: _u, ...rest } = filter;
  const entries = events
    .filter((e) => matchesFilter(e, { ...rest, includeBackfill: true }))
    .map((e) => entryOf(e, opts.since, opts.until))
    .filter((x): x is DigestEntry => x !== null);
  const sections: Digest['sections'] = [];
  for (const change of ORDER) {
    const mine = entries.filter((e) => e.change === change);
    if (!mine.length) continue;
    const groups = new Map<string, DigestEntry[]>();
    for (const e of mine) {
      const key = e.event.countries.join('/');
      groups.set(key, [...(groups.get(key) ?? []), e]);
    }
    const countries = [...groups.entries()]
      .map(([country, list]) => ({
        country,
        name: country.split('/').map(countryName).join(' / '),
        entries: list.sort((a, b) => b.at.localeCompare(a.at)),
      }))
      .sort((a, b) => a.name.localeCompare(b.name));
    sections.push({ change, title: SECTION_TITLES[change], countries });
  }
  const counts = new Map<string, number>();
  for (const e of entries) for (const c of e.event.countries) counts.set(c, (counts.get(c) ?? 0) + 1);
  const byCountry = [...counts.entries()]
    .map(([country, count]) => ({ country, name: countryName(country), count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { since: opts.since, until: opts.until, filter: describeFilter(rest), sections, byCountry, total: entries.length };
}

function periodOf(d: Digest): string {
  return `${humanDate(d.since)} \u2013 ${humanDate(new Date(Date.parse(d.until) - 1).toISOString())}`;
}

/** "banwatch digest: 4 changes, 1–7 Nov 2026" */
export function digestSubject(d: Digest): string {
  return oneLine(`banwatch digest: ${d.total === 0 ? 'no changes' : `${d.total} change${d.total === 1 ? '' : 's'}`}, ${periodOf(d)}${d.filter !== 'everything' ? ` (${d.filter})` : ''}`, 99);
}

function headlineOf(e: PolicyEvent): { title: string; link: string | null } {
  const s = orderedSources(e)[0];
  return { title: s?.title ?? e.title, link: s?.link ?? null };
}

export function renderDigestText(d: Digest): string {
  const lines: string[] = [];
  lines.push(`banwatch digest, ${periodOf(d)}`);
  lines.push(`Filter: ${d.filter}`);
  if (d.total === 0) {
    lines.push('', 'No new measures, stage changes or confirmations in this period.');
    return lines.join('\n');
  }
  lines.push(`By country: ${d.byCountry.map((c) => `${c.name} ${c.count}`).join(' \u00b7 ')}`);
  for (const section of d.sections) {
    const n = section.countries.reduce((k, c) => k + c.entries.length, 0);
    lines.push('', `${section.title.toUpperCase()} (${n})`);
    for (const group of section.countries) {
      lines.push(`  ${group.name}`);
      for (const entry of group.entries) {
        const e = entry.event;
        const head = headlineOf(e);
        lines.push(`  - ${oneLine(sentenceOf(e), 300)}.${entry.held ? ' [held: low confidence]' : ''}`);
        lines.push(`    ${oneLine(head.title, 160)}${head.link ? `\n    ${oneLine(head.link, 400)}` : ''}`);
        lines.push(`    confidence ${confidenceWords(e)}; banwatch event ${e.eventId}`);
      }
    }
  }
  lines.push('', 'Change what you get: banwatch subscribe YOUR-ADDRESS --frequency immediate|daily|weekly [--country CC] [--vendor NAME].');
  return lines.join('\n');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
/** Only http(s) links become anchors: a feed cannot smuggle javascript: or data: URLs into mail. */
const safeHref = (link: string | null) => (link && /^https?:\/\//i.test(link) ? esc(link) : null);

/** E-mail-safe HTML (inline styles, no script, no remote images), every feed string escaped. */
export function renderDigestHtml(d: Digest): string {
  const out: string[] = [];
  out.push('<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">');
  out.push(`<title>${esc(digestSubject(d))}</title></head>`);
  out.push('<body style="font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:760px;margin:0 auto;padding:16px;color:#1b1f24">');
  out.push(`<h1 style="font-size:20px;margin:0 0 4px">banwatch digest, ${esc(periodOf(d))}</h1>`);
  out.push(`<p style="margin:0 0 12px;color:#57606a">Filter: ${esc(d.filter)}</p>`);
  if (d.total === 0) out.push('<p>No new measures, stage changes or confirmations in this period.</p>');
  else out.push(`<p style="color:#57606a">By country: ${d.byCountry.map((c) => `${esc(c.name)} <b>${c.count}</b>`).join(' &middot; ')}</p>`);
  for (const section of d.sections) {
    out.push(`<h2 style="font-size:16px;border-bottom:1px solid #d0d7de;padding-bottom:4px;margin-top:24px">${esc(section.title)}</h2>`);
    for (const group of section.countries) {
      out.push(`<h3 style="font-size:14px;margin:12px 0 4px;color:#57606a">${esc(group.name)}</h3><ul style="padding-left:18px;margin:0">`);
      for (const entry of group.entries) {
        const e = entry.event;
        const head = headlineOf(e);
        const href = safeHref(head.link);
        out.push('<li style="margin:0 0 10px">');
        out.push(`<div><b>${esc(oneLine(sentenceOf(e), 300))}.</b>${entry.held ? ' <span style="color:#9a6700">[held: low confidence]</span>' : ''}</div>`);
        out.push(`<div>${href ? `<a href="${href}">${esc(oneLine(head.title, 200))}</a>` : esc(oneLine(head.title, 200))}</div>`);
        out.push(`<div style="color:#57606a;font-size:12px">confidence ${esc(confidenceWords(e))} &middot; banwatch event ${esc(e.eventId)}</div>`);
        out.push('</li>');
      }
      out.push('</ul>');
    }
  }
  out.push('<p style="color:#57606a;font-size:12px;margin-top:24px">Change what you get: <code>banwatch subscribe YOUR-ADDRESS --frequency immediate|daily|weekly [--country CC] [--vendor NAME]</code>.</p>');
  out.push('</body></html>');
  return out.join('\n');
}

/** SNS takes 256 KiB a message (text and JSON together): each half stays well under it. */
export const DIGEST_PART_BYTES = 110_000;

const utf8 = new TextEncoder();
const bytes = (s: string) => utf8.encode(s).length;

/** `s` cut to at most `max` UTF-8 bytes (never inside a character), with `suffix` when cut. */
function capBytes(s: string, max: number, suffix: string): string {
  if (bytes(s) <= max) return s;
  let cut = s.slice(0, max);
  while (bytes(cut) + bytes(suffix) > max) cut = cut.slice(0, Math.floor(cut.length * 0.9));
  return `${cut.replace(/[\ud800-\udbff]$/, '')}${suffix}`;
}

/**
 * The digest as one SNS message for the subscribers of one filter (`key`, core/digest-key.ts):
 * the text for e-mail, a compact JSON for machines (the changes with their event ids, summaries
 * and first links), both within SNS's size limit (a longer digest says how many it left out).
 */
export function digestMessage(d: Digest, opts: { key: string; frequency: 'daily' | 'weekly' }): { key: string; subject: string; text: string; json: string } {
  const entries = d.sections.flatMap((s) => s.countries.flatMap((c) => c.entries));
  const changes = entries.map((x) => ({
    change: x.change,
    at: x.at,
    held: x.held,
    eventId: x.event.eventId,
    countries: x.event.countries,
    vendors: x.event.vendors,
    measure: x.event.measure,
    stage: x.event.stage,
    summary: oneLine(sentenceOf(x.event), 300),
    link: headlineOf(x.event).link,
  }));
  const base = { type: 'banwatch.digest', frequency: opts.frequency, key: opts.key, filter: d.filter, since: d.since, until: d.until, total: d.total };
  let kept = changes.length;
  let json = JSON.stringify({ ...base, changes });
  while (bytes(json) > DIGEST_PART_BYTES && kept > 0) {
    kept = Math.floor(kept * 0.8);
    json = JSON.stringify({ ...base, changes: changes.slice(0, kept), truncated: changes.length - kept });
  }
  const text = capBytes(renderDigestText(d), DIGEST_PART_BYTES, '\n\n[cut: the digest is longer than a message; `banwatch digest` or the report page has all of it]');
  return { key: opts.key, subject: digestSubject(d), text, json };
}
