/**
 * Event resolution: which reports are one real decision, what stage it is at, and what is due to
 * be alerted. Pure: identity is a hash, time comes from the items, no I/O.
 *
 * Many outlets report one decision in different words: one names "Huawei and ZTE", another "Huawei,
 * ZTE, Hikvision and Dahua"; one calls a TikTok directive a ban on staff phones, another a ban. So
 * an event is not an exact (countries, vendors, measure) key. A relevant report joins an event when
 *   - the acting countries are the same (the resolution key, `clusterKey`),
 *   - the vendor sets overlap (a subset or superset grows the event's vendors),
 *   - the measures are compatible (MEASURE_COMPATIBILITY below), and
 *   - it is close in time: within EVENT_WINDOW_DAYS of the event's reports for the same measure,
 *     CROSS_MEASURE_WINDOW_DAYS for a compatible but different one; or it carries the same measure
 *     to a later stage (announced → in force → lifted) up to STAGE_PROGRESSION_DAYS later.
 * Each source records why it joined (`mergeReason`).
 *
 * Stages move forward only. `lifted` and `rejected` tell subscribers the danger is gone, so one weak
 * article cannot flip an event: they need a strong cue, an official source or two independent
 * outlets (stageSupport). Each stage alerts once; the first official source of an alerted stage
 * alerts once more ("confirmed"); vendors added later alert when material (materialVendors).
 * Old news (StoredItem.alertable false) is grouped like anything else but never alerts.
 */
import { createHash } from 'node:crypto';
import { actorOf, actorsConflictAt, namesNewDecider, stagesAcrossActors } from './actors.js';
import { effectiveDateOf, pickEffective } from './effective.js';
import { decisivePhrases } from './phrases.js';
import type {
  Retraction,
  AlertMark,
  AlertState,
  Classification,
  EventSource,
  Measure,
  PolicyEvent,
  SentAlert,
  Stage,
  StageChange,
  StoredItem,
} from './model.js';

/** Reports of the same measure more than this apart from an event's reports are another decision. */
export const EVENT_WINDOW_DAYS = 45;
/**
 * Reports that name a different (compatible) measure join only this close to the event: outlets
 * that describe one decision differently do so in the same days; a different measure weeks later
 * (ministries blocking an app on their PCs, then a regulator suspending it nationwide) is a new step.
 */
export const CROSS_MEASURE_WINDOW_DAYS = 10;
/** A later stage of the same measure (a ban taking effect, a court lifting it) joins up to ~18 months on. */
export const STAGE_PROGRESSION_DAYS = 548;
/**
 * After a ban was lifted, reports of it being in force still join for a week (late reports of the
 * old state); later ones are a re-imposition, a new decision.
 */
export const REIMPOSITION_AFTER_DAYS = 7;
/**
 * An ending reported this long after the event's own ending is another act of that stage (a second
 * court's stay, the executive easing what a court had stayed, licences after a promise to ease), not
 * late news of it: it opens a new event (a possible repeat, so a lone late report still waits).
 */
export const LATE_ENDING_DAYS = 7;
/** stageConfidence at or above which one report may lift or reject an event on its own. */
export const STRONG_STAGE_CONFIDENCE = 0.85;
/** Distinct outlets that must report lifted/rejected when none is official or strong. */
export const INDEPENDENT_REPORTS = 2;
/**
 * A new event alerts on one outlet's report only when the classifier is this sure of it; below, it
 * waits for a second outlet or an official source. On real news the alerts that no decision
 * explained (a targeted country's reaction read as a measure, an analysis piece) were nearly all
 * single low-confidence reports, while real decisions are reported by several outlets.
 */
export const CONFIDENT_ALONE = 0.8;
/**
 * A stage an event passed before its ending is alerted on one outlet's report only when that
 * report came at least this long before the ending (events.passedStage).
 */
export const PASSED_STAGE_LEAD_DAYS = 2;
/**
 * A forward stage an event stood at before it moved further in one cycle is alerted when its reports
 * came at least this long before the further stage was reached (events.passedForwardStage).
 */
export const FORWARD_PASSED_LEAD_DAYS = 1;
/**
 * A report of a stage the event already has, arriving this long after the event's last report, is
 * not late news of it but a new act at that stage (a court upholding a ban, a second body adopting
 * it): it opens a new event. Late single reports are told apart by `repeatOf` (below).
 */
export const QUIET_GAP_DAYS = 21;
/** How far back an event at the same stage makes a new one a possible repeat of it. */
export const REPEAT_REACH_DAYS = 90;
/** Outlets that must report an earlier stage before a stage alerted on one outlet's report is taken back. */
export const CORRECTION_OUTLETS = 3;

/** Sources kept per event: enough to prove it, bounded so a hot story cannot grow a row past 400 KB. */
export const MAX_SOURCES = 40;
const MAX_OUTLETS = 60;
const MAX_EVIDENCE = 12;
const MAX_ALERT_LOG = 30;
const DAY_MS = 86_400_000;

/**
 * Measures that outlets use for one decision. Symmetric; every measure is compatible with itself and
 * with other_restriction (the classifier's catch-all, which a more specific report refines).
 *
 * | pair | why one decision is reported as both |
 * |---|---|
 * | procurement_exclusion ~ network_exclusion | "operators may not buy Huawei kit" is a procurement rule about networks (UK 2020, Sweden 2020) |
 * | procurement_exclusion ~ device_ban | "agencies may not buy or use Kaspersky" is both (US 2017, NDAA 889) |
 * | device_ban ~ market_ban | a government-devices directive is headlined "X bans TikTok" (EU institutions 2023) |
 * | network_exclusion ~ market_ban | "FCC bans Huawei gear" reads as banned from US networks or from sale (FCC 2022) |
 * | device_ban ~ security_warning | official guidance not to use an app on work phones reads as advice or as a ban |
 * | export_control ~ sanctions | "blacklist" covers the Entity List and financial sanctions alike |
 * | procurement_exclusion ~ market_ban | "a ban on buying Huawei gear" reads as government purchasing or as anyone's (FCC 2021: "장비 구매금지 제안" for an equipment-authorisation ban) |
 * | export_control ~ market_ban | one Commerce action is "banned from US commerce" to some outlets and "placed on the Entity List" to others (Huawei May 2019, Kaspersky June 2024: a sales ban and Entity List additions announced together) |
 * | network_exclusion ~ security_warning | an official finding that 5G vendors are high-risk is advice to members to some outlets and an exclusion to others ("EU tells its members to ban Huawei", "Huawei and ZTE banned in Europe": the Commission, June 2023) |
 *
 * Everything else is a different decision even when the vendor and the country are the same (a
 * procurement ban and export controls on one vendor are two measures with two alerts). Pairs other
 * than a measure with itself join only within CROSS_MEASURE_WINDOW_DAYS, and only at neighbouring
 * stages (a bill and an order in force the same week are two acts).
 */
export const MEASURE_COMPATIBILITY: ReadonlyArray<readonly [Measure, Measure]> = [
  ['procurement_exclusion', 'network_exclusion'],
  ['procurement_exclusion', 'device_ban'],
  ['device_ban', 'market_ban'],
  ['network_exclusion', 'market_ban'],
  ['device_ban', 'security_warning'],
  ['export_control', 'sanctions'],
  ['export_control', 'market_ban'],
  ['procurement_exclusion', 'market_ban'],
  ['network_exclusion', 'security_warning'],
];

export function measuresCompatible(a: Measure, b: Measure): boolean {
  if (a === b || a === 'other_restriction' || b === 'other_restriction') return true;
  return MEASURE_COMPATIBILITY.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** proposed < announced < in_force < lifted = rejected (the two outcomes that end an event). */
const STAGE_RANK: Record<Stage, number> = { proposed: 0, announced: 1, in_force: 2, lifted: 3, rejected: 3 };

export function stageRank(stage: Stage): number {
  return STAGE_RANK[stage];
}

/** lifted and rejected end a measure; the other stages carry it forward. */
export const isEnding = (s: Stage): boolean => s === 'lifted' || s === 'rejected';

export interface RelevantClassification extends Classification {
  relevant: true;
  measure: Measure;
  stage: Stage;
  /** A burst's consensus: some report of it tells of the measure upheld (upheldReport). Else read from `rules`. */
  upheld?: boolean;
}

export function isEventWorthy(c: Classification): c is RelevantClassification {
  return c.relevant && c.measure !== null && c.stage !== null && c.countries.length > 0 && c.vendors.length > 0;
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/**
 * Rule ids of the classifier's cues for a measure upheld ("court upholds the ban", "cour … rejette
 * le recours", "法院维持禁令"): a court or a second body confirming a measure already in force.
 */
const UPHELD_CUE = /\.stage\.in_force\.(?:upheld|law-upheld|court-green-light)$/;

/**
 * Does a report (or a burst's consensus, `upheld`) tell of a measure being upheld? Such a report,
 * at a stage its event already has, is a new act (a court's ruling, reported by outlets of its own)
 * rather than one more report of the act it upholds, even in the same weeks: the Conseil d'État
 * refusing to suspend New Caledonia's TikTok block eight days after it began. See matchEvent.
 */
export function upheldReport(c: Pick<RelevantClassification, 'rules' | 'stage'> & { upheld?: boolean }): boolean {
  if (c.stage !== 'in_force') return false;
  return c.upheld ?? (c.rules ?? []).some((r) => UPHELD_CUE.test(r));
}

/** The resolution key: the acting countries, sorted. Only events of the same key can be one decision. */
export function clusterKeyOf(c: { countries: string[] }): string {
  return sorted(c.countries).join(',');
}

/** When the item happened, as far as we know. */
export function itemTime(item: Pick<StoredItem, 'published' | 'fetchedAt'>): string {
  return item.published ?? item.fetchedAt;
}

export function newEventId(clusterKey: string, seq: number): string {
  // Derived from the resolution key and the position only: concurrent creators and retried polls
  // all compute the same id, and the conditional create lets exactly one of them write it.
  return `ev_${createHash('sha256').update(`${clusterKey}#${seq}`).digest('hex').slice(0, 20)}`;
}

// ---------------------------------------------------------------- who reported it

/** Hosts whose links are redirects to the real outlet, which their titles name instead. */
const AGGREGATOR_HOST = /(?:^|\.)(?:news\.google\.[a-z.]+|news\.yahoo\.[a-z.]+|bing\.com|msn\.com|feedproxy\.google\.com)$/;
const TITLE_OUTLET = /\s[-\u2013\u2014|]\s([^-\u2013\u2014|]{2,60})$/u;

function hostOf(url: string | null | undefined): string {
  if (!url) return '';
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * The outlet of a report: the link's host; behind an aggregator's redirect, the site its
 * `<source url>` names, else the "… - Outlet" suffix of its title.
 */
export function outletOf(item: Pick<StoredItem, 'link' | 'title' | 'feedId' | 'outletSite'>): string {
  const host = hostOf(item.link);
  if (host && !AGGREGATOR_HOST.test(host)) return host;
  const site = hostOf(item.outletSite);
  if (site && !AGGREGATOR_HOST.test(site)) return site;
  const suffix = TITLE_OUTLET.exec(item.title)?.[1]?.trim().toLowerCase();
  return suffix || host || `feed:${item.feedId}`;
}

/** What an incoming report brings besides its classification. */
export interface ReportContext {
  /** The sub-national or national decider the report names (core/actors.ts), or null. */
  actor: string | null;
  official: boolean;
  alertable: boolean;
  outlet: string;
  strongStage: boolean;
}

/**
 * Official: from a government feed, about that government's own measure. A government's site also
 * carries its reactions to other countries' measures ("Ambassador makes clear China's position on
 * the UK's ban of TikTok") and joint statements; those are reports like any other, so a feed of
 * country X is official only for a measure whose one acting country is X (a feed with no country
 * configured, for all).
 */
export function isOfficial(item: Pick<StoredItem, 'feedKind' | 'feedCountry'>, c: Pick<Classification, 'countries'>): boolean {
  if (item.feedKind !== 'government') return false;
  const own = item.feedCountry?.toUpperCase();
  return !own || (c.countries.length === 1 && c.countries[0] === own);
}

export function reportContext(item: StoredItem, c: Classification): ReportContext {
  return {
    actor: actorOf(c.countries, item.title, item.summary, c.measure),
    official: isOfficial(item, c),
    alertable: item.alertable !== false,
    outlet: outletOf(item),
    strongStage: (c.stageConfidence ?? 0) >= STRONG_STAGE_CONFIDENCE,
  };
}

function sourceOf(item: StoredItem, c: RelevantClassification, ctx: ReportContext, mergeReason: string): EventSource {
  return {
    itemKey: item.itemKey,
    title: item.title,
    link: item.link,
    feedId: item.feedId,
    published: item.published,
    at: itemTime(item),
    outlet: ctx.outlet,
    ...(ctx.actor ? { actor: ctx.actor } : {}),
    official: ctx.official,
    stage: c.stage,
    measure: c.measure,
    vendors: sorted(c.vendors),
    strongStage: ctx.strongStage,
    ...(c.stageConfidence !== undefined ? { stageConfidence: Math.round(c.stageConfidence * 100) / 100 } : {}),
    ...(c.rules ? { measureCued: c.rules.some((r) => MEASURE_CUE.test(r)) } : {}),
    ...(upheldReport(c) ? { upheld: true } : {}),
    alertable: ctx.alertable,
    ...(!item.summary?.trim() ? { headlineOnly: true } : {}),
    mergeReason,
    ...readerFields(item, c),
  };
}

/** What a reader of the alert needs from the report's text, which the event does not keep: its language, decisive phrases, effective date. */
function readerFields(item: StoredItem, c: RelevantClassification): Pick<EventSource, 'language' | 'phrases' | 'effective'> {
  const language = item.language?.toLowerCase().split('-')[0];
  const phrases = decisivePhrases(item.title, item.summary, c);
  const effective = effectiveDateOf(`${item.title}\n${item.summary}`, itemTime(item), language);
  return { ...(language ? { language } : {}), ...(phrases.length ? { phrases } : {}), ...(effective ? { effective } : {}) };
}

/** The report that set the event's current stage (its last timeline entry). */
function stageSetterOf(history: StageChange[] | undefined): string | undefined {
  return history?.at(-1)?.itemKey;
}

// ---------------------------------------------------------------- matching

export interface Match {
  /** Higher is a better fit; only compared between candidates for one report. */
  score: number;
  /** Why the report joins, for the source's mergeReason. */
  reason: string;
}

const days = (ms: number) => Math.round(ms / DAY_MS);

/** Time of the event's current stage (when it was reached), else its first report. */
export function stageTime(event: PolicyEvent): string {
  const last = event.history?.filter((h) => h.stage === event.stage).at(-1);
  return last?.at ?? event.firstSeen;
}

function describeGap(ms: number): string {
  const d = days(Math.abs(ms));
  if (d === 0) return 'same day';
  return ms >= 0 ? `${d} day${d === 1 ? '' : 's'} later` : `${d} day${d === 1 ? '' : 's'} earlier`;
}

/**
 * Does a report (item + classification) belong to `event`? Null when it does not; else a score and
 * the reason. The caller has already matched the resolution key (acting countries).
 */
export function matchEvent(
  event: PolicyEvent,
  item: StoredItem,
  c: RelevantClassification,
  actors: Array<string | null> = [actorOf(c.countries, item.title, item.summary, c.measure)],
  opts: { quietGap?: boolean } = {},
): Match | null {
  if (event.clusterKey !== clusterKeyOf(c)) return null;
  // A state and another state, or a state and the federal government, decide separately; so do EU
  // institutions, though a later stage may be another institution's act (stagesAcrossActors).
  if (actorsConflictAt(actors, c.measure, event.sources.map((s) => s.actor), event.measure)) {
    const laterStage = isEnding(c.stage) ? !isEnding(event.stage) : stageRank(c.stage) > stageRank(event.stage);
    if (!(laterStage && stagesAcrossActors(c.countries))) return null;
  }
  const shared = sorted(c.vendors.filter((v) => event.vendors.includes(v)));
  if (shared.length === 0) return null;
  if (!measuresCompatible(event.measure, c.measure)) return null;
  // A report naming a vendor the event never had, and not all of its vendors, at an earlier forward
  // stage than the event's is a new plan about that vendor that names the old act as background
  // ("Trump says he is looking into banning Alibaba" in the week of his TikTok divestiture order),
  // not late news of the event, which names the event's own vendors.
  const newVendor = shared.length < c.vendors.length;
  const overlapOnly = newVendor && shared.length < event.vendors.length;
  if (overlapOnly && !isEnding(c.stage) && !isEnding(event.stage) && stageRank(c.stage) < stageRank(event.stage)) return null;
  // So is a proposal naming a vendor new to an event already announced or in force, even with all of
  // the event's vendors: "Trump allowed a ban on Alibaba", a report that also names TikTok.
  if (newVendor && c.stage === 'proposed' && !isEnding(event.stage) && stageRank(event.stage) > stageRank('proposed')) return null;

  const t = Date.parse(itemTime(item));
  const first = Date.parse(event.firstSeen);
  const last = Date.parse(event.lastSeen);
  // When the event reached its current stage: the late-ending, rejection, re-imposition and
  // progression rules below all measure from it.
  const reached = Date.parse(stageTime(event));
  const sameMeasure = c.measure === event.measure || c.measure === 'other_restriction' || event.measure === 'other_restriction';
  // Outlets that name one decision's measure differently name its stage alike, give or take a tense
  // ("to ban" / "bans"). A bill (proposed) and an order in force in the same days are two acts: the
  // Senate's TikTok-on-government-devices bill and the President's TikTok order of August 2020.
  if (!sameMeasure && !isEnding(c.stage) && !isEnding(event.stage) && Math.abs(stageRank(c.stage) - stageRank(event.stage)) > 1) return null;
  // …and a proposal is a bill or a plan, another act than a decision taken: read with another measure
  // in the same days, it does not join an announced or in-force event, nor the reverse (the Senate's
  // TikTok-on-government-devices bill beside the State Department's Clean Network push, August 2020).
  if (!sameMeasure && (c.stage === 'proposed') !== (event.stage === 'proposed') && !isEnding(c.stage) && !isEnding(event.stage)) return null;
  const windowMs = (sameMeasure ? EVENT_WINDOW_DAYS : CROSS_MEASURE_WINDOW_DAYS) * DAY_MS;
  // A stage the event already has, after a quiet spell, is a new act (see QUIET_GAP_DAYS).
  const notLater = isEnding(c.stage) ? isEnding(event.stage) : !isEnding(event.stage) && stageRank(c.stage) <= stageRank(event.stage);
  const after = notLater && opts.quietGap !== false ? Math.min(windowMs, QUIET_GAP_DAYS * DAY_MS) : windowMs;
  // An ending reported a week after the event's own ending is another act of that stage (a second
  // court, the executive easing what a court stayed), not late news of it.
  const endedLong = opts.quietGap !== false && isEnding(c.stage) && isEnding(event.stage) && t > reached + LATE_ENDING_DAYS * DAY_MS;
  const near = !endedLong && t >= first - windowMs && t <= last + after;
  // A measure upheld (a court refusing to suspend it) at a stage the event already has is a new act,
  // unless the event already tells of it being upheld (the same ruling in another outlet).
  if (notLater && upheldReport(c) && !event.sources.some((s) => s.upheld)) return null;

  // A rejection follows a proposal, not a measure in force: reported once the event had been in
  // force for longer than a stage-vote window, it is another act (a ministry withdrawing its draft
  // rule weeks after a regulator's listing of the same vendor took effect), which alerts on its own.
  // In the in-force reports' own days it is the same moment misread, and stays (ignored, deriveStage).
  if (c.stage === 'rejected' && event.stage === 'in_force' && t > reached + STAGE_VOTE_WINDOW_DAYS * DAY_MS) return null;
  // After an ending, forward reports are late news for a week, then a new decision (re-imposed).
  if (isEnding(event.stage) && !isEnding(c.stage) && t > reached + REIMPOSITION_AFTER_DAYS * DAY_MS) return null;

  let progression = false;
  if (!near) {
    const later = isEnding(c.stage) ? !isEnding(event.stage) : stageRank(c.stage) > stageRank(event.stage);
    const reach = reached + STAGE_PROGRESSION_DAYS * DAY_MS;
    if (!(later && sameMeasure && t > last && t <= reach)) return null;
    progression = true;
  }

  const union = new Set([...event.vendors, ...c.vendors]).size;
  const jaccard = shared.length / union;
  const gap = t < first ? t - first : t > last ? t - last : 0;
  const score = (progression ? 0 : 2) + jaccard + (c.measure === event.measure ? 1 : 0.5) - Math.min(1, Math.abs(gap) / (windowMs || 1)) * 0.5;

  const vendorPart =
    shared.length === event.vendors.length && shared.length === c.vendors.length
      ? 'same vendors'
      : shared.length === c.vendors.length
        ? `vendors a subset (${shared.join(', ')})`
        : shared.length === event.vendors.length
          ? `vendors a superset (adds ${sorted(c.vendors.filter((v) => !shared.includes(v))).join(', ')})`
          : `vendors overlap (${shared.join(', ')})`;
  const measurePart = c.measure === event.measure ? 'same measure' : `measure ${c.measure} compatible with ${event.measure}`;
  const timePart = progression
    ? `stage ${event.stage} → ${c.stage}, ${describeGap(t - reached)}`
    : gap === 0
      ? 'within the reporting period'
      : describeGap(gap);
  return { score, reason: `${vendorPart}; ${measurePart}; ${timePart}` };
}

/**
 * An event a new one may repeat: one the report would have joined but for the quiet gap, one at
 * the same stage of the same measure seen within REPEAT_REACH_DAYS, or one lifted within
 * REPEAT_REACH_DAYS whose very measure the report says is in force again. The new event then needs
 * two outlets or an official source before it alerts (a lone late report of an old decision stays
 * quiet; a new act is reported by several). Not a repeat: a report naming a decider (a state, a
 * governor, a body) that none of the event's reports named (actors.namesNewDecider).
 */
export function repeatCandidate<E extends PolicyEvent>(
  candidates: E[],
  item: StoredItem,
  c: RelevantClassification,
  actors: Array<string | null> = [actorOf(c.countries, item.title, item.summary, c.measure)],
): E | null {
  const t = Date.parse(itemTime(item));
  const reach = REPEAT_REACH_DAYS * DAY_MS;
  let best: E | null = null;
  for (const e of candidates) {
    const within = t - Date.parse(e.lastSeen) <= reach && t >= Date.parse(e.firstSeen);
    const compatible = e.measure === c.measure || measuresCompatible(e.measure, c.measure);
    // A ban reported in force after it was lifted: a re-imposition, or (far more often) background
    // in a later story ("the ban, in force since…"); a new act is reported by several. Background
    // restates the measure that was lifted: another measure in force (agencies barred from buying
    // Huawei gear, after an order against its sales was shelved) is a new act, not a repeat.
    const reimposed = isEnding(e.stage) && !isEnding(c.stage) && e.measure === c.measure && c.vendors.some((v) => e.vendors.includes(v)) && !actorsConflictAt(actors, c.measure, e.sources.map((s) => s.actor), e.measure);
    if (within && reimposed) {
      if (!best || e.lastSeen > best.lastSeen) best = e;
      continue;
    }
    const sameAct = e.stage === c.stage && compatible;
    if (!within || !sameAct) continue;
    // A report naming a decider the event's reports never named is another act, not late news of it.
    if (namesNewDecider(actors, e.sources.map((s) => s.actor))) continue;
    if (!matchEvent({ ...e, lastSeen: new Date(Math.max(Date.parse(e.lastSeen), t)).toISOString() }, item, c, actors, { quietGap: false })) continue;
    if (!best || e.lastSeen > best.lastSeen) best = e;
  }
  return best;
}

/** The best-fitting event for a report among candidates, or null. Ties go to the newest event. */
export function bestMatch<E extends PolicyEvent>(
  candidates: E[],
  item: StoredItem,
  c: RelevantClassification,
  actors: Array<string | null> = [actorOf(c.countries, item.title, item.summary, c.measure)],
): { event: E; match: Match } | null {
  let best: { event: E; match: Match } | null = null;
  for (const event of candidates) {
    const match = matchEvent(event, item, c, actors);
    if (!match) continue;
    if (!best || match.score > best.match.score || (match.score === best.match.score && event.seq > best.event.seq)) best = { event, match };
  }
  return best;
}

// ---------------------------------------------------------------- building events

/** A new event (the `seq`-th of its resolution key) from its first report. */
export function createEvent(item: StoredItem, c: RelevantClassification, seq = 0, ctx: ReportContext = reportContext(item, c)): PolicyEvent {
  const clusterKey = clusterKeyOf(c);
  const t = itemTime(item);
  const event: PolicyEvent = {
    eventId: newEventId(clusterKey, seq),
    clusterKey,
    seq,
    countries: sorted(c.countries),
    vendors: sorted(c.vendors),
    measure: c.measure,
    stage: c.stage,
    history: [{ stage: c.stage, at: t, itemKey: item.itemKey, feedId: item.feedId, official: ctx.official }],
    title: item.title,
    sources: [sourceOf(item, c, ctx, 'first report')],
    reportCount: 1,
    outlets: [ctx.outlet],
    official: ctx.official,
    backfill: !ctx.alertable,
    evidence: c.evidence.slice(0, MAX_EVIDENCE),
    confidence: c.confidence,
    firstSeen: t,
    lastSeen: t,
    alertState: 'SENT',
    alertedStages: [],
    confirmedStages: [],
    alertedVendors: [],
    alerts: [],
    version: 1,
  };
  const derived = deriveStage(event);
  event.stage = derived.stage;
  event.history = derived.history;
  const effective = pickEffective(event.sources, stageSetterOf(event.history));
  if (effective) event.effective = effective;
  event.alertState = alertStateOf(event);
  return event;
}

/** Reports this close to each other are one moment of the story: their stages are weighed against each other. */
export const STAGE_VOTE_WINDOW_DAYS = 3;
/**
 * A further stage needs at least half the outlets of its moment (1 / this; a tie goes forward). It
 * was a third while the classifier read issued bans as merely announced three times as often as
 * the reverse; on the real and replay articles of Dec 6 the two errors were about even (18 against 13),
 * and on the 141 replayed decisions a majority gave more right alerts in every shape (weekly 77% →
 * 79%, daily 79% → 82%, Google News 65% → 66%, the 26 set-aside decisions 85% → 92%): most wrong
 * stages left were one step too far ("to exclude by 2026" alerted in force).
 */
export const STAGE_VOTE_SHARE_INVERSE = 2;
/** Reports this much older than a claim are of an earlier day (the replay's articles carry dates, at noon). */
const PRIOR_DAY_MS = DAY_MS / 2;
/**
 * A claim of a further stage whose own stage cue is surer than this (above the classifier's
 * no-cue default, 0.3) is not outvoted by reports of an earlier day giving an earlier stage: the
 * measure moved on ("the date TikTok will be shut down" on Tuesday, "the blocking begins" on
 * Thursday). The same day's and later reports still vote. On the tune decisions (Dec 7) 79% → 80%
 * right alerts, exactly once 80% → 81%; the Google News shape unchanged (with no threshold it lost
 * two: a bare present tense is too weak to say a measure moved on). First set at 0.31, just above
 * the no-cue default; raised to 0.5 at the merge with the rn3/rn4 collections: a weak in-force
 * reading the day after ("European Parliament bans TikTok from staff phones", a headline's tense
 * with a lead that says 'will') moved the 2023 EU Parliament ban to in force, while the cues that
 * say a measure began ("the blocking begins", 0.68) stay above it. On the 355 tune decisions 0.5
 * gives one more right alert than 0.31 (eu-parliament-tiktok-2023 and us-icts-eo-2018-proposed
 * right, us-tiktok-fed-devices-senate-2020 missed), one fewer exactly once.
 */
export const PRIOR_DAY_CLAIM_CONFIDENCE = 0.5;

/**
 * A bare headline (a Google News item, no lead) weighs this much in the stage vote, on either side:
 * "Japan bans Huawei from contracts" states a decision as often as an act in force, and "Japan to
 * ban" a course as often as a plan.
 */
export const HEADLINE_ONLY_WEIGHT = 0.5;
/**
 * …unless the classifier says how sure the headline's stage cue is (stageConfidence): then it weighs
 * that much, at least this. A headline's present tense ("Canada bans Huawei", "荷蘭…公務手機禁TikTok")
 * or no stage word at all is the weakest reading of a stage, "to ban", "will ban", "has been lifted"
 * stronger ones; with no lead to settle it, the surer headlines decide. On the Google News shape of
 * the replay (Dec 7) a flat half gave 63% right alerts, this 64% (0.1 to 0.4 as the floor alike).
 */
export const HEADLINE_ONLY_MIN_WEIGHT = 0.25;

/**
 * A stage reading this unsure (below it: the classifier's no-cue default, 0.3, or one weak word) is
 * the weakest there is: the report names a measure, and nothing in its words says how far it is.
 */
export const WEAK_STAGE_CONFIDENCE = 0.35;
/**
 * A report with a lead whose stage reading is that weak weighs this much, on either side: an
 * article whose title and lead never say "will", "from March", "took effect" or "plans" counts less
 * than one that does (Austria, May 2023, Google News shape: two articles with leads and no stage word, read in force by
 * default, outvoted "TikTok auf Diensthandys künftig verboten" and "beschließt TikTok-Verbot").
 * A tie still goes forward.
 */
export const WEAK_STAGE_WEIGHT = 0.5;
/**
 * A bare headline read in force on nothing surer than a present tense ("Canada bans Huawei",
 * "bannit", "公務手機禁TikTok") weighs this much. Headlines state decisions in the present tense: on
 * the tune articles read headline-only (Dec 7) such a reading is right 861 times in 964, wrong 103
 * (48 announced, 36 proposed), so the classifier keeps it — alone, a present tense still says in
 * force — but in a decision's vote a headline's future form ("to ban", "va interdire", 0.5 and
 * more) or a report with a lead decides against several of them.
 *
 * Both weights (head10), on the replayed decisions: weekly, all 442, right alerts 338 → 340, exactly
 * once 310 → 311 (article shape), 279 → 280 and 256 → 258 (Google News shape); the 355 tune decisions
 * 277 → 279 (article) and 225 → 228 (Google); the set-aside decisions unchanged in both shapes; false
 * alerts unchanged.
 */
export const HEADLINE_PRESENT_WEIGHT = 0.15;

/** How much one outlet's report weighs in the stage vote (deriveStage): a report with a lead 1, a bare headline less. */
export function stageVoteWeight(s: Pick<EventSource, 'headlineOnly' | 'stageConfidence'> & { stage?: Stage }): number {
  const weak = s.stageConfidence !== undefined && s.stageConfidence < WEAK_STAGE_CONFIDENCE;
  if (!s.headlineOnly) return weak ? WEAK_STAGE_WEIGHT : 1;
  if (weak && s.stage === 'in_force') return HEADLINE_PRESENT_WEIGHT;
  if (s.stageConfidence === undefined) return HEADLINE_ONLY_WEIGHT;
  return Math.min(1, Math.max(HEADLINE_ONLY_MIN_WEIGHT, s.stageConfidence));
}

const claimTime = (s: EventSource, fallback: string) => s.at ?? s.published ?? fallback;

/**
 * The event's stage and timeline, derived from what its sources say. Outlets describe one moment of
 * a decision in different tenses ("Japan to exclude", "Japan bans"), so a forward stage is reached
 * when an official source or a strong cue says so, or when, within STAGE_VOTE_WINDOW_DAYS of a
 * report saying so, at least half the outlets say so or further (STAGE_VOTE_SHARE_INVERSE). Endings need the support of
 * stageSupported. A stage already alerted is never gone back on.
 */
export function deriveStage(
  event: Pick<PolicyEvent, 'sources' | 'alertedStages' | 'firstSeen'> & Partial<Pick<PolicyEvent, 'confirmedStages' | 'retractions'>>,
): { stage: Stage; history: StageChange[]; retract?: Retraction } {
  const fallback = event.firstSeen;
  const t = (s: EventSource) => Date.parse(claimTime(s, fallback));
  const forward = event.sources.filter((s) => s.stage !== undefined && !isEnding(s.stage));
  const windowMs = STAGE_VOTE_WINDOW_DAYS * DAY_MS;

  /**
   * A claim of `rank` that later reporting overruled: its outlet is the only one that ever said
   * `rank` or further, on a cue that was neither official nor strong, and CORRECTION_OUTLETS other
   * outlets, each with a stage cue at least as sure, reported the decision at an earlier stage from
   * its moment on. The typical case: an early leak read as in force ("preparing to phase out …
   * sources say"), then every outlet reporting the decision itself says "will remove by 2027". The
   * reverse (one plain "has banned" against three vague "decided to ban") is not overruled.
   */
  const sureness = (s: EventSource) => s.stageConfidence ?? (s.strongStage ? STRONG_STAGE_CONFIDENCE : 0);
  const overruled = (c: EventSource, rank: number): boolean => {
    if (c.official || c.strongStage) return false;
    // Once taken back, a claim stays overruled: a later weak report saying the same does not revive
    // it (it is weighed in its own days, like any other).
    if ((event.retractions ?? []).some((r) => stageRank(r.stage) <= rank && (r.itemKeys ?? []).includes(c.itemKey))) return true;
    const supporters = new Set(forward.filter((s) => stageRank(s.stage!) >= rank).map(sourceOutlet));
    if (supporters.size !== 1) return false;
    const against = new Set(
      forward
        .filter((s) => stageRank(s.stage!) < rank && t(s) >= t(c) - windowMs && sourceOutlet(s) !== sourceOutlet(c) && sureness(s) >= sureness(c))
        .map(sourceOutlet),
    );
    return against.size >= CORRECTION_OUTLETS;
  };

  // An event already alerted at an earlier forward stage moves on by a majority, not a tie.
  const alertedBelow = (rank: number) => event.alertedStages.some((a) => !isEnding(a) && stageRank(a) < rank);
  /** The earliest report from which `rank` (or further) is supported, or null. */
  const reached = (rank: number): EventSource | null => {
    const claims = forward.filter((s) => stageRank(s.stage!) >= rank && !overruled(s, rank)).sort((a, b) => t(a) - t(b));
    const decisive = claims.find((s) => s.official || s.strongStage);
    if (decisive) return decisive;
    for (const c of claims) {
      const best = new Map<string, { rank: number; w: number }>();
      for (const s of forward) {
        if (Math.abs(t(s) - t(c)) > windowMs) continue;
        // An earlier day's report of an earlier stage does not speak against a later report with a
        // lead: the measure moved on (announced on Tuesday, the block began on Thursday). A bare
        // headline's tense is too weak to say so against the days before.
        if ((c.stageConfidence ?? 0) >= PRIOR_DAY_CLAIM_CONFIDENCE && t(s) < t(c) - PRIOR_DAY_MS && stageRank(s.stage!) < rank) continue;
        const o = sourceOutlet(s);
        const had = best.get(o);
        const r = stageRank(s.stage!);
        const w = stageVoteWeight(s);
        if (!had || r > had.rank || (r === had.rank && w > had.w)) best.set(o, { rank: r, w });
      }
      let up = 0;
      let down = 0;
      for (const b of best.values()) {
        if (b.rank >= rank) up += b.w;
        else down += b.w;
      }
      // A tie moves an event already alerted at an earlier stage on only when a stage cue backs a claim.
      const tie = up * STAGE_VOTE_SHARE_INVERSE === up + down;
      const backed = () => claims.some((s) => Math.abs(t(s) - t(c)) <= windowMs && (s.stageConfidence ?? 0) >= PRIOR_DAY_CLAIM_CONFIDENCE);
      if (up * STAGE_VOTE_SHARE_INVERSE >= up + down && !(tie && alertedBelow(rank) && !backed())) return claims.find((s) => Math.abs(t(s) - t(c)) <= windowMs) ?? c;
    }
    return null;
  };

  let stage: Stage;
  let setter: EventSource | null = null;
  let retract: Retraction | undefined;
  if (forward.length === 0) {
    // Only endings: the ban they end existed (or, for a rejection, was proposed).
    stage = event.sources.some((s) => s.stage === 'rejected') ? 'proposed' : 'in_force';
  } else {
    stage = 'proposed';
    for (const candidate of ['in_force', 'announced'] as const) {
      const r = reached(stageRank(candidate));
      if (r) {
        stage = candidate;
        setter = r;
        break;
      }
    }
    // A stage already alerted is not gone back on, unless later reporting overruled the one report it
    // rested on (never one an official source confirmed, never twice): then it is taken back, and
    // nextAlert sends the correction.
    const alertedForward = event.alertedStages.filter((s) => !isEnding(s)).map(stageRank);
    const top = alertedForward.length ? (STAGE_ORDER[Math.max(...alertedForward)] as Stage) : null;
    let floor = top ? stageRank(top) : -1;
    if (top && stageRank(top) > stageRank(stage)) {
      const claims = forward.filter((s) => stageRank(s.stage!) >= stageRank(top));
      const retractable =
        !event.alertedStages.some(isEnding) &&
        !(event.confirmedStages ?? []).includes(top) &&
        !(event.retractions ?? []).some((r) => r.stage === top) &&
        claims.length > 0 &&
        claims.every((c) => overruled(c, stageRank(top)));
      if (retractable) {
        floor = Math.max(-1, ...alertedForward.filter((r) => r < stageRank(top)));
        const lastAgainst = forward.filter((s) => stageRank(s.stage!) < stageRank(top)).reduce((m, s) => Math.max(m, t(s)), 0);
        retract = { stage: top, to: STAGE_ORDER[Math.max(floor, stageRank(stage))] as Stage, at: new Date(lastAgainst).toISOString(), alerted: false, itemKeys: claims.map((c) => c.itemKey) };
      }
    }
    if (stageRank(stage) < floor) stage = STAGE_ORDER[floor] as Stage;
  }

  const history: StageChange[] = [];
  const entryOf = (st: Stage, s: EventSource): StageChange => ({ stage: st, at: claimTime(s, fallback), itemKey: s.itemKey, feedId: s.feedId, official: s.official ?? false });
  for (const st of ['proposed', 'announced', 'in_force'] as const) {
    if (stageRank(st) > stageRank(stage)) break;
    const first = st === stage && setter ? setter : forward.filter((s) => s.stage === st).sort((a, b) => t(a) - t(b))[0];
    if (first) history.push(entryOf(st, first));
  }

  const alertedEnding = event.alertedStages.find(isEnding);
  const ending =
    alertedEnding ??
    (['lifted', 'rejected'] as const).find((e) => (e === 'rejected' ? stage !== 'in_force' : true) && stageSupported(event, e));
  if (ending) {
    const first = event.sources.filter((s) => s.stage === ending).sort((a, b) => t(a) - t(b))[0];
    if (first) history.push(entryOf(ending, first));
    stage = ending;
  }
  return retract ? { stage, history, retract } : { stage, history };
}

/**
 * Is an ending stage supported by the event's sources: a strong cue, an official source, or
 * INDEPENDENT_REPORTS distinct outlets? A report that the outlets of its own moment contradict
 * does not count: within STAGE_VOTE_WINDOW_DAYS of it, at least CORRECTION_OUTLETS outlets and three
 * times as many as those saying it report the measure as proposed, announced or in force ("UK
 * allows Huawei with a 35% cap" read as a rejection while four outlets report the cap).
 */
export function stageSupported(event: Pick<PolicyEvent, 'sources'>, stage: Stage): boolean {
  const when = (s: EventSource) => Date.parse(claimTime(s, '')) || 0;
  const windowMs = STAGE_VOTE_WINDOW_DAYS * DAY_MS;
  const contradicted = (c: EventSource) => {
    if (c.official) return false;
    const near = event.sources.filter((s) => s.stage !== undefined && Math.abs(when(s) - when(c)) <= windowMs);
    const forward = new Set(near.filter((s) => !isEnding(s.stage!)).map(sourceOutlet)).size;
    const ending = new Set(near.filter((s) => s.stage === stage).map(sourceOutlet)).size;
    return forward >= CORRECTION_OUTLETS && forward >= ending * 3;
  };
  const claims = event.sources.filter((s) => s.stage === stage && !contradicted(s));
  if (claims.some((s) => s.official || s.strongStage)) return true;
  return new Set(claims.map(sourceOutlet)).size >= INDEPENDENT_REPORTS;
}

/** Rule ids of the classifier's measure cues ("en.measure.device.gov-devices", "xx.measure.network.5g"). */
const MEASURE_CUE = /(?:^|\.)measure\./;

/**
 * The measure most sources agree on: officials count 3; a measure no cue named (the vendor's usual
 * one) half, and the catch-all half unless a cue named it (a dissolution order, a feature
 * restriction: a reading of its own, not the fallback); ties keep the current one.
 */
function consensusMeasure(event: PolicyEvent): Measure {
  const votes = new Map<Measure, number>();
  for (const s of event.sources) {
    if (!s.measure) continue;
    const w = (s.official ? 3 : 1) * (s.measure === 'other_restriction' && s.measureCued !== true ? 0.5 : 1) * (s.measureCued === false ? 0.5 : 1);
    votes.set(s.measure, (votes.get(s.measure) ?? 0) + w);
  }
  let best = event.measure;
  let top = votes.get(best) ?? 0;
  for (const [m, v] of votes) if (v > top) [best, top] = [m, v];
  return best;
}

/** Keeps the sources that matter when over the cap: the first, officials, stage setters, ending claims. */
function capSources(sources: EventSource[], history: StageChange[]): EventSource[] {
  if (sources.length <= MAX_SOURCES) return sources;
  const keep = new Set(history.map((h) => h.itemKey));
  const important = (s: EventSource, i: number) => i === 0 || s.official || keep.has(s.itemKey) || (s.stage !== undefined && isEnding(s.stage));
  const out = [...sources];
  for (let i = 1; i < out.length && out.length > MAX_SOURCES; ) {
    if (!important(out[i] as EventSource, i)) out.splice(i, 1);
    else i++;
  }
  return out.slice(0, MAX_SOURCES);
}

/** The event without one source (reclassify re-reads a report): stages already reached stay. */
export function withoutSource(event: PolicyEvent, itemKey: string): PolicyEvent {
  const sources = event.sources.filter((s) => s.itemKey !== itemKey);
  if (sources.length === event.sources.length) return event;
  return { ...event, sources, reportCount: Math.max(sources.length, (event.reportCount ?? event.sources.length) - 1), version: event.version + 1 };
}

export type MergeResult = { changed: false; event: PolicyEvent } | { changed: true; event: PolicyEvent; stageChanged: boolean };

/**
 * Adds a report to an event it matched. Returns the same event unchanged when the item is already a
 * source (a retried poll), otherwise a new event object with version + 1.
 */
export function mergeIntoEvent(
  event: PolicyEvent,
  item: StoredItem,
  c: RelevantClassification,
  mergeReason = 'joined',
  ctx: ReportContext = reportContext(item, c),
): MergeResult {
  if (event.sources.some((s) => s.itemKey === item.itemKey)) return { changed: false, event };
  const t = itemTime(item);
  const source = sourceOf(item, c, ctx, mergeReason);
  const sources = [...event.sources, source];
  const { stage, history, retract } = deriveStage({ ...event, sources });
  const stageChanged = stage !== event.stage;

  const outlets = event.outlets ?? [];
  const next: PolicyEvent = {
    ...event,
    vendors: sorted([...event.vendors, ...c.vendors]),
    stage,
    history,
    // The headline of the report that set the stage says best what the event is now.
    title: stageChanged || (ctx.official && !event.official) ? item.title : event.title,
    sources: capSources(sources, history),
    reportCount: (event.reportCount ?? event.sources.length) + 1,
    outlets: outlets.includes(ctx.outlet) || outlets.length >= MAX_OUTLETS ? outlets : [...outlets, ctx.outlet],
    official: (event.official ?? false) || ctx.official,
    backfill: (event.backfill ?? false) && !ctx.alertable,
    evidence: (stageChanged ? [...c.evidence, ...event.evidence.filter((e) => !c.evidence.includes(e))] : [...event.evidence, ...c.evidence.filter((e) => !event.evidence.includes(e))]).slice(0, MAX_EVIDENCE),
    confidence: Math.max(event.confidence, c.confidence),
    firstSeen: t < event.firstSeen ? t : event.firstSeen,
    lastSeen: t > event.lastSeen ? t : event.lastSeen,
    version: event.version + 1,
  };
  if (retract) {
    next.alertedStages = next.alertedStages.filter((st) => st !== retract.stage);
    next.retractions = [...(event.retractions ?? []), retract];
    // The timeline no longer shows the stage taken back (deriveStage did not reach it).
  }
  // A stage taken back and reached again before its correction went out: nothing to correct, and
  // the first alert of it stands (no second one).
  const undone = (next.retractions ?? []).filter((r) => !r.alerted && stageRank(stage) >= stageRank(r.stage) && !isEnding(stage));
  if (undone.length) {
    next.retractions = next.retractions!.filter((r) => !undone.includes(r));
    if (!next.retractions.length) delete next.retractions;
    next.alertedStages = STAGE_ORDER.filter((st) => next.alertedStages.includes(st) || undone.some((r) => r.stage === st));
  }
  next.measure = consensusMeasure(next);
  const effective = pickEffective(next.sources, stageSetterOf(history)) ?? event.effective;
  if (effective) next.effective = effective;
  next.alertState = alertStateOf(next);
  return { changed: true, stageChanged, event: next };
}

// ---------------------------------------------------------------- alerts due

/**
 * Vendors an update alert may be sent for: named by an official source, or by INDEPENDENT_REPORTS
 * outlets, with at least one fresh (alertable) report. One outlet listing more names (often
 * background: "Huawei, ZTE, Hikvision and Dahua were already…") is not a change worth an e-mail;
 * the vendor is still on the event and in later alerts' attributes.
 */
export function materialVendors(event: PolicyEvent): string[] {
  return event.vendors.filter((v) => {
    const naming = event.sources.filter((s) => (s.vendors ?? []).includes(v));
    if (!naming.some((s) => s.alertable !== false)) return false;
    return officialOrOutlets(naming);
  });
}

/**
 * The alert due for an event now, or null:
 *  1. its stage, once, when a fresh report supports it (old news seeds silently);
 *  2. else, the first fresh official source of an alerted stage: "confirmed";
 *  3. else, material vendors no alert has named yet.
 */
export function nextAlert(event: PolicyEvent): AlertMark | null {
  const stage = event.stage;
  // A stage alerted on one report that later outlets overruled: say so before anything else.
  const correction = (event.retractions ?? []).find((r) => !r.alerted);
  if (correction) return { kind: 'corrected', stage, vendors: event.vendors, retracted: correction.stage };
  // Events stored before sources carried their own stage: every source counts for the event's stage.
  const legacy = event.sources.every((s) => s.stage === undefined);
  const fresh = event.sources.filter((s) => s.alertable !== false && (legacy || s.stage === stage));
  if (!event.alertedStages.includes(stage)) {
    const passed = passedStage(event) ?? passedForwardStage(event);
    if (passed && corroborated(event)) return { kind: 'stage', stage: passed, vendors: event.vendors };
    if (fresh.length === 0 || !corroborated(event)) return null;
    const again = (event.retractions ?? []).some((r) => r.stage === stage);
    return { kind: 'stage', stage, vendors: event.vendors, ...(again ? { again: true } : {}) };
  }
  const official = fresh.find((s) => s.official);
  if (official && !(event.confirmedStages ?? []).includes(stage)) {
    return { kind: 'confirmed', stage, vendors: event.vendors, officialFeedId: official.feedId };
  }
  const alerted = new Set(event.alertedVendors ?? []);
  if (materialVendors(event).some((v) => !alerted.has(v))) return { kind: 'vendors', stage, vendors: event.vendors };
  return null;
}

/**
 * A forward stage the event passed on its way to an ending that no alert has told: fresh reports
 * said it before any report of the ending (a court upholds a ban on Friday, the president suspends
 * it on Monday; one cycle reads both). Subscribers hear both steps, in order — the ending alone
 * would tell of lifting a ban they never heard was in force. Null when an alert already told that
 * stage or a later forward one.
 */
export function passedStage(event: Pick<PolicyEvent, 'stage' | 'history' | 'sources' | 'alertedStages' | 'firstSeen'>): Stage | null {
  if (!isEnding(event.stage)) return null;
  const step = (event.history ?? []).filter((h) => !isEnding(h.stage)).at(-1);
  if (!step) return null;
  if (event.alertedStages.some((s) => !isEnding(s) && stageRank(s) >= stageRank(step.stage))) return null;
  const at = (s: EventSource) => Date.parse(claimTime(s, event.firstSeen));
  const endedAt = Math.min(...event.sources.filter((s) => s.stage === event.stage).map(at));
  const told = event.sources.filter((s) => s.stage === step.stage && s.alertable !== false && at(s) < endedAt);
  // The step must stand on its own: an official source, two outlets, or one report at least
  // PASSED_STAGE_LEAD_DAYS before the ending. One outlet's forward reading a day before the ending
  // is more often the ending's own news misread ("White House to extend the deadline this week"
  // read as an order in force) than a step subscribers missed; the ending alone then tells it.
  const standsAlone = officialOrOutlets(told) || told.some((s) => endedAt - at(s) >= PASSED_STAGE_LEAD_DAYS * DAY_MS);
  return standsAlone ? step.stage : null;
}

/**
 * A forward stage the event stood at on an earlier day, before it moved further, that no alert has
 * told: one slow cycle (a weekly one) read the decision announced on Thursday by several outlets
 * and its cameras removed on Friday ("to remove China-made cameras", then "removes Chinese
 * cameras"); cycles a day apart would have told both, in order. The event as it stood before the
 * day its current stage was reached (its sources of earlier days, voted as deriveStage does) must
 * have reached that stage on its own: an official source or two outlets saying it. Null when an
 * alert already told it or a later forward stage, and for endings (passedStage).
 */
export function passedForwardStage(event: Pick<PolicyEvent, 'stage' | 'history' | 'sources' | 'alertedStages' | 'firstSeen'>): Stage | null {
  if (isEnding(event.stage)) return null;
  const reachedAt = (event.history ?? []).find((h) => h.stage === event.stage)?.at;
  if (!reachedAt) return null;
  const before = Date.parse(reachedAt) - FORWARD_PASSED_LEAD_DAYS * DAY_MS;
  const earlier = event.sources.filter((s) => Date.parse(claimTime(s, event.firstSeen)) <= before);
  if (earlier.length === 0) return null;
  const then = deriveStage({ sources: earlier, alertedStages: event.alertedStages, firstSeen: event.firstSeen }).stage;
  if (isEnding(then) || stageRank(then) >= stageRank(event.stage)) return null;
  if (event.alertedStages.some((s) => !isEnding(s) && stageRank(s) >= stageRank(then))) return null;
  const told = earlier.filter((s) => s.stage === then && s.alertable !== false);
  return officialOrOutlets(told) ? then : null;
}

/** The outlet a source speaks for: its link's host (or aggregator source), else the item itself. */
function sourceOutlet(s: EventSource): string {
  return s.outlet ?? s.itemKey;
}

/** Told by an official source or by INDEPENDENT_REPORTS distinct outlets. */
function officialOrOutlets(sources: readonly EventSource[]): boolean {
  return sources.some((s) => s.official) || new Set(sources.map(sourceOutlet)).size >= INDEPENDENT_REPORTS;
}

/** Is the event believable enough for its first alert: an official source, two outlets, or one confident report? */
export function corroborated(event: Pick<PolicyEvent, 'sources' | 'confidence' | 'alertedStages' | 'repeatOf'>): boolean {
  if (event.alertedStages.length > 0) return true;
  if (officialOrOutlets(event.sources)) return true;
  // A possible repeat of an earlier event is more likely its late news than a new act: never alone.
  return !event.repeatOf && event.confidence >= CONFIDENT_ALONE;
}

/** PENDING when an alert is due; SENT once anything was alerted; SILENT for events that never alert (old news). */
export function alertStateOf(event: PolicyEvent): AlertState {
  if (nextAlert(event)) return 'PENDING';
  return event.alertedStages.length > 0 ? 'SENT' : 'SILENT';
}

/** Deterministic id of the alert for a mark: a retried publish carries the same id. */
export function alertIdOf(eventId: string, mark: Pick<AlertMark, 'kind' | 'stage' | 'vendors' | 'retracted' | 'again'>): string {
  // A stage reached again after a retraction is a new alert, not a retry of the retracted one.
  if (mark.kind === 'stage') return `${eventId}-${mark.stage}${mark.again ? '-again' : ''}`;
  if (mark.kind === 'corrected') return `${eventId}-corrected-${mark.retracted ?? 'stage'}`;
  if (mark.kind === 'confirmed') return `${eventId}-${mark.stage}-confirmed`;
  const h = createHash('sha256').update(sorted(mark.vendors).join('\u0000')).digest('hex').slice(0, 10);
  return `${eventId}-vendors-${h}`;
}

/**
 * Records a published alert on the event. Idempotent: an alert already recorded changes nothing
 * (returns null). The alert state is recomputed, so an event that changed meanwhile stays pending.
 */
export function applyAlertMark(event: PolicyEvent, sent: SentAlert): PolicyEvent | null {
  if ((event.alerts ?? []).some((a) => a.alertId === sent.alertId) && event.alertedStages.includes(sent.stage)) return null;
  const alertedStages = STAGE_ORDER.filter((s) => s === sent.stage || event.alertedStages.includes(s));
  const confirmed = new Set(event.confirmedStages ?? []);
  const officialForStage = event.sources.some((s) => s.official && s.stage === sent.stage && s.alertable !== false);
  if (sent.kind === 'confirmed' || officialForStage) confirmed.add(sent.stage);
  const retractions = sent.kind === 'corrected' ? (event.retractions ?? []).map((r) => (r.stage === sent.retracted ? { ...r, alerted: true } : r)) : event.retractions;
  const next: PolicyEvent = {
    ...event,
    ...(retractions ? { retractions } : {}),
    alertedStages,
    confirmedStages: STAGE_ORDER.filter((s) => confirmed.has(s)),
    alertedVendors: sorted([...(event.alertedVendors ?? []), ...sent.vendors]),
    alerts: [...(event.alerts ?? []).filter((a) => a.alertId !== sent.alertId), sent].slice(-MAX_ALERT_LOG),
    version: event.version + 1,
  };
  next.alertState = alertStateOf(next);
  return next;
}

/** The event with its alert state recomputed (settles a stale PENDING), or null when unchanged. */
export function refreshAlertState(event: PolicyEvent): PolicyEvent | null {
  const state = alertStateOf(event);
  return state === event.alertState ? null : { ...event, alertState: state, version: event.version + 1 };
}

const STAGE_ORDER: readonly Stage[] = ['proposed', 'announced', 'in_force', 'lifted', 'rejected'];
