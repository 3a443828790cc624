/**
 * Why did a decision get the alerts it got? Runs the replay and prints, for each named decision,
 * its articles (gold vs predicted), the event each landed in (stage, measure, vendors, history,
 * mergeReason) and the alerts of those events.
 *
 * It is a tool for tuning, so it never shows what must not be tuned on: a decision set aside
 * (holdout-decisions.json) is refused, and the headline of a holdout-split article of a tune
 * decision is hidden (its date, split, reading and event stay: the event's story still adds up).
 *
 *   npx tsx scripts/replay-debug.ts <decision-id>... [--all] [--step-days N] [--shape google] [--dir DIR]
 */
import { classify } from '../lambdas/core/classifier/index.js';
import { googleLinkOf, holdoutDecisions, loadReplaySet, runReplay, scoreReplay } from './replay.js';

const args = process.argv.slice(2);
const dirAt = args.indexOf('--dir');
const set = loadReplaySet(dirAt >= 0 ? args[dirAt + 1] : undefined);
const setAside = new Set(holdoutDecisions(dirAt >= 0 ? args[dirAt + 1] : undefined));
const stepAt = args.indexOf('--step-days');
const shapeAt = args.indexOf('--shape');
const run = await runReplay(set.items, {
  ...(stepAt >= 0 ? { stepDays: Number(args[stepAt + 1]) } : {}),
  ...(shapeAt >= 0 ? { shape: args[shapeAt + 1] as 'article' | 'google' } : {}),
});
const score = scoreReplay(set.items, set.decisions, run.alerts);
const asked = args.includes('--all') ? score.perDecision.filter((p) => !(p.alerts === 1 && p.right)).map((p) => p.id) : args.filter((a, i) => !a.startsWith('--') && !['--step-days', '--shape', '--dir'].includes(args[i - 1]!));
const refused = asked.filter((id) => setAside.has(id));
if (refused.length) console.log(`set aside, not shown (never debug these; \`npm run replay -- --holdout-decisions\` scores them): ${refused.join(', ')}`);
const wanted = asked.filter((id) => !setAside.has(id));
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();
for (const id of wanted) {
  const d = set.decisions.find((x) => x.id === id);
  console.log(`\n=== ${id}: ${d?.countries.join('/')} ${d?.vendors.join(',')} ${d?.measure}/${d?.stage}`);
  const evIds = new Set<string>();
  for (const it of set.items.filter((i) => i.decision === id)) {
    const headlineOnly = shapeAt >= 0 && it.feed?.kind !== 'government';
    const p = classify({ title: it.title, summary: headlineOnly ? '' : it.summary, link: it.link, language: it.language, feed: it.feed } as never);
    // A Google News item's source carries the aggregator's link (googleLinkOf) and "headline - Outlet".
    const isIt = (s: { link?: string | null; title: string }) => s.link === it.link || s.link === googleLinkOf(it) || norm(s.title) === norm(it.title);
    const ev = run.events.find((e) => e.sources.some(isIt));
    if (ev) evIds.add(ev.eventId);
    const src = ev?.sources.find(isIt);
    console.log(`  ${it.published.slice(0, 10)} ${it.split?.[0]} ${p.relevant ? `${p.countries}|${p.vendors}|${p.measure}/${p.stage}` : '-'} -> ${ev ? `${ev.eventId.slice(0, 20)} (${src?.mergeReason ?? ''})` : 'no event'}  | ${it.split === 'holdout' ? '(holdout article: headline hidden)' : it.title.slice(0, 90)}`);
  }
  for (const evId of evIds) {
    const ev = run.events.find((e) => e.eventId === evId)!;
    const decs = new Map<string, number>();
    for (const s of ev.sources) {
      const g = set.items.find((i) => i.link === s.link || googleLinkOf(i) === s.link || norm(i.title) === norm(s.title));
      const k = g?.decision ?? 'near-miss';
      decs.set(k, (decs.get(k) ?? 0) + 1);
    }
    console.log(`  event ${ev.eventId.slice(0, 20)} ${ev.countries} ${ev.vendors} ${ev.measure}/${ev.stage} history ${(ev.history ?? []).map((h) => `${h.stage}@${h.at.slice(0, 10)}`).join(' → ')} alertState ${ev.alertState} alerted ${ev.alertedStages}`);
    console.log(`     decisions in it: ${[...decs].map(([k, n]) => `${k}×${n}`).join(', ')}`);
  }
  for (const v of score.verdicts.filter((x) => x.decision === id)) console.log(`  ALERT ${v.kind} ${v.subject}`);
}
