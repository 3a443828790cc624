import { describe, expect, it } from 'vitest';
import {
  MEASURE_COMPATIBILITY,
  alertIdOf,
  alertStateOf,
  applyAlertMark,
  bestMatch,
  clusterKeyOf,
  createEvent,
  isEventWorthy,
  isOfficial,
  LATE_ENDING_DAYS,
  matchEvent,
  materialVendors,
  measuresCompatible,
  mergeIntoEvent,
  nextAlert,
  PASSED_STAGE_LEAD_DAYS,
  PRIOR_DAY_CLAIM_CONFIDENCE,
  outletOf,
  refreshAlertState,
  repeatCandidate,
  REPEAT_REACH_DAYS,
  stageRank,
  stageVoteWeight,
  HEADLINE_ONLY_MIN_WEIGHT,
  HEADLINE_ONLY_WEIGHT,
  HEADLINE_PRESENT_WEIGHT,
  WEAK_STAGE_WEIGHT,
  withoutSource,
  type RelevantClassification,
} from '../../lambdas/core/events.js';
import { MEASURES, type Measure, type PolicyEvent, type Stage, type StoredItem } from '../../lambdas/core/model.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-11-01T00:00:00.000Z');
const at = (days: number) => new Date(T0 + days * DAY).toISOString();

interface ItemOpts {
  days?: number;
  title?: string;
  outlet?: string;
  official?: boolean;
  alertable?: boolean;
  /** No lead: a Google News item, a bare headline. */
  headlineOnly?: boolean;
}

function item(key: string, o: ItemOpts = {}): StoredItem {
  const published = at(o.days ?? 0);
  return {
    itemKey: key, feedId: o.official ? 'gov-feed' : 'news-feed', guid: key,
    link: `https://${o.outlet ?? `${key}.example`}/story/${key}`, title: o.title ?? `headline ${key}`, summary: o.headlineOnly ? '' : `lead ${key}`,
    published, language: 'en', fetchedAt: published, classification: relevant('announced'), eventId: null,
    feedKind: o.official ? 'government' : 'news', alertable: o.alertable ?? true,
  };
}

function relevant(stage: Stage, extra: Partial<RelevantClassification> = {}): RelevantClassification {
  return {
    relevant: true, countries: ['JP'], vendors: ['ZTE', 'Huawei'], measure: 'procurement_exclusion', stage,
    confidence: 0.8, evidence: [`${stage} evidence`], ...extra,
  };
}

/** Folds reports into events the way the pipeline does: best match, else a new event. */
function resolve(reports: Array<[StoredItem, RelevantClassification]>): PolicyEvent[] {
  const events: PolicyEvent[] = [];
  for (const [i, c] of reports) {
    const best = bestMatch(events, i, c);
    if (best) events[events.indexOf(best.event)] = mergeIntoEvent(best.event, i, c, best.match.reason).event;
    else events.push(createEvent(i, c, events.length));
  }
  return events;
}

/** An event as after its first alert went out. */
function alerted(e: PolicyEvent): PolicyEvent {
  const mark = nextAlert(e)!;
  return applyAlertMark(e, { ...mark, alertId: alertIdOf(e.eventId, mark), at: e.lastSeen })!;
}

describe('events', () => {
  describe('clusterKeyOf', () => {
    it('is the acting countries, in any order', () => {
      expect(clusterKeyOf({ countries: ['US', 'JP'] })).toBe('JP,US');
      expect(clusterKeyOf({ countries: ['JP', 'US', 'JP'] })).toBe('JP,US');
    });
  });

  describe('isEventWorthy', () => {
    it.each([
      ['irrelevant', { ...relevant('announced'), relevant: false }],
      ['no country', relevant('announced', { countries: [] })],
      ['no vendor', relevant('announced', { vendors: [] })],
    ])('refuses a classification with %s', (_, c) => {
      expect(isEventWorthy(c)).toBe(false);
    });
    it('accepts a complete relevant classification', () => {
      expect(isEventWorthy(relevant('proposed'))).toBe(true);
    });
  });

  describe('measuresCompatible', () => {
    it.each(MEASURE_COMPATIBILITY.map(([a, b]) => [a, b]))('treats %s and %s as one decision reported two ways, both ways round', (a, b) => {
      expect(measuresCompatible(a, b)).toBe(true);
      expect(measuresCompatible(b, a)).toBe(true);
    });
    it.each(MEASURES.map((m) => [m]))('treats %s as compatible with itself and with the catch-all', (m) => {
      expect(measuresCompatible(m, m)).toBe(true);
      expect(measuresCompatible(m, 'other_restriction')).toBe(true);
    });
    it.each([
      ['export_control', 'procurement_exclusion'],
      ['export_control', 'device_ban'],
      ['network_exclusion', 'device_ban'],
      ['sanctions', 'device_ban'],
      ['security_warning', 'procurement_exclusion'],
    ] as Array<[Measure, Measure]>)('keeps %s and %s apart', (a, b) => {
      expect(measuresCompatible(a, b)).toBe(false);
    });
  });

  describe('stageRank', () => {
    it('orders proposed < announced < in force < the two endings, which rank equal', () => {
      expect(stageRank('proposed')).toBeLessThan(stageRank('announced'));
      expect(stageRank('announced')).toBeLessThan(stageRank('in_force'));
      expect(stageRank('in_force')).toBeLessThan(stageRank('lifted'));
      expect(stageRank('lifted')).toBe(stageRank('rejected'));
    });
  });

  describe('outletOf', () => {
    it('is the link host without www', () => {
      expect(outletOf({ link: 'https://www.reuters.com/x', title: 't', feedId: 'f' })).toBe('reuters.com');
    });
    it("is the title's outlet suffix for aggregator links", () => {
      expect(outletOf({ link: 'https://news.google.com/rss/articles/CBM?oc=5', title: 'Japan to exclude Huawei - The Japan Times', feedId: 'f' })).toBe('the japan times');
    });
    it("is the site an aggregator item's <source url> names, before its title's suffix", () => {
      const item = { link: 'https://news.google.com/rss/articles/CBM?oc=5', title: 'Japan to exclude Huawei - The Japan Times', feedId: 'f' };
      expect(outletOf({ ...item, outletSite: 'https://www.japantimes.co.jp' })).toBe('japantimes.co.jp');
      // The outlet's own link still wins over the site it names.
      expect(outletOf({ ...item, link: 'https://www.reuters.com/x', outletSite: 'https://www.japantimes.co.jp' })).toBe('reuters.com');
      // A source that is itself an aggregator says nothing.
      expect(outletOf({ ...item, outletSite: 'https://news.google.com' })).toBe('the japan times');
    });
    it('falls back to the feed without a link or suffix', () => {
      expect(outletOf({ link: null, title: 'Japan to exclude Huawei', feedId: 'mic' })).toBe('feed:mic');
    });
  });

  describe('matchEvent (when a report joins an event)', () => {
    const base = () => createEvent(item('a', { days: 0 }), relevant('announced'));
    it.each([
      { name: 'same vendors, same measure, next day', report: item('b', { days: 1 }), c: relevant('announced'), joins: true },
      { name: 'a subset of the vendors', report: item('b', { days: 1 }), c: relevant('announced', { vendors: ['Huawei'] }), joins: true },
      { name: 'a superset of the vendors', report: item('b', { days: 1 }), c: relevant('announced', { vendors: ['Huawei', 'ZTE', 'Hikvision', 'Dahua'] }), joins: true },
      { name: 'overlapping vendors', report: item('b', { days: 1 }), c: relevant('announced', { vendors: ['ZTE', 'Hikvision'] }), joins: true },
      { name: 'other vendors only', report: item('b', { days: 1 }), c: relevant('announced', { vendors: ['Hikvision'] }), joins: false },
      { name: 'another acting country', report: item('b', { days: 1 }), c: relevant('announced', { countries: ['US'] }), joins: false },
      { name: 'one more acting country', report: item('b', { days: 1 }), c: relevant('announced', { countries: ['JP', 'US'] }), joins: false },
      { name: 'a compatible measure in the same days', report: item('b', { days: 3 }), c: relevant('announced', { measure: 'network_exclusion' }), joins: true },
      { name: 'a compatible measure two weeks on', report: item('b', { days: 14 }), c: relevant('announced', { measure: 'network_exclusion' }), joins: false },
      { name: 'an incompatible measure', report: item('b', { days: 1 }), c: relevant('announced', { measure: 'export_control' }), joins: false },
      { name: 'the same stage 20 days on (late news)', report: item('b', { days: 20 }), c: relevant('announced'), joins: true },
      { name: 'the same stage 40 days on, after a quiet spell (a new act)', report: item('b', { days: 40 }), c: relevant('announced'), joins: false },
      { name: 'the next stage of the same measure 40 days on', report: item('b', { days: 40 }), c: relevant('in_force'), joins: true },
      { name: 'the same stage 100 days on (a new decision)', report: item('b', { days: 100 }), c: relevant('announced'), joins: false },
      { name: 'the next stage 5 months on', report: item('b', { days: 150 }), c: relevant('in_force'), joins: true },
      { name: 'the next stage 20 months on', report: item('b', { days: 600 }), c: relevant('in_force'), joins: false },
      { name: 'a later stage of a compatible measure 5 months on', report: item('b', { days: 150 }), c: relevant('in_force', { measure: 'network_exclusion' }), joins: false },
      { name: 'lifted 10 months on', report: item('b', { days: 300 }), c: relevant('lifted'), joins: true },
      { name: 'an earlier stage 100 days on', report: item('b', { days: 100 }), c: relevant('proposed'), joins: false },
    ] as Array<{ name: string; report: StoredItem; c: RelevantClassification; joins: boolean }>)('$name: joins = $joins', ({ report, c, joins }) => {
      const m = matchEvent(base(), report, c);
      expect(m !== null).toBe(joins);
      if (m) expect(m.reason).toMatch(/vendors/);
    });

    it.each([
      { stage: 'proposed', joins: true },
      { stage: 'announced', joins: false },
      { stage: 'in_force', joins: false },
    ] as Array<{ stage: Stage; joins: boolean }>)(
      'joins a proposal reported with a compatible measure in the same days at $stage only when both are proposals: joins = $joins',
      ({ stage, joins }) => {
        // The Senate passing a TikTok-on-government-devices bill, and the President's order banning TikTok
        // in force the same week, or the State Department's push against the apps the day before:
        // compatible measures, but a bill and a decision are two acts.
        const bill = createEvent(item('a', { days: 0 }), relevant('proposed', { measure: 'device_ban', vendors: ['TikTok'] }));
        const m = matchEvent(bill, item('b', { days: 1 }), relevant(stage, { measure: 'market_ban', vendors: ['TikTok'] }));
        expect(m !== null).toBe(joins);
      },
    );

    it('joins a decision read with a compatible measure one tense apart (announced / in force)', () => {
      const order = createEvent(item('a', { days: 0 }), relevant('announced', { measure: 'device_ban', vendors: ['TikTok'] }));
      expect(matchEvent(order, item('b', { days: 1 }), relevant('in_force', { measure: 'market_ban', vendors: ['TikTok'] }))).not.toBeNull();
      expect(matchEvent(order, item('c', { days: 1 }), relevant('proposed', { measure: 'market_ban', vendors: ['TikTok'] }))).toBeNull();
    });

    it.each([
      { name: 'a plan about a new vendor that names the event\'s vendor too, at an earlier stage', stage: 'proposed', vendors: ['Hikvision', 'Huawei'], joins: false },
      { name: 'the same plan naming only the event\'s vendors', stage: 'proposed', vendors: ['Huawei'], joins: true },
      { name: 'a proposal naming all its vendors and one more', stage: 'proposed', vendors: ['Huawei', 'ZTE', 'Hikvision'], joins: false },
      { name: 'a superset one tense earlier (the decision read as announced, naming more)', stage: 'announced', vendors: ['Huawei', 'ZTE', 'Hikvision'], joins: true },
      { name: 'overlapping vendors at the same stage', stage: 'in_force', vendors: ['Hikvision', 'Huawei'], joins: true },
    ] as Array<{ name: string; stage: Stage; vendors: string[]; joins: boolean }>)(
      'an event in force, then $name: joins = $joins',
      ({ stage, vendors, joins }) => {
        // An order against one vendor in force, and in its week "officials look into banning" another
        // vendor, the report naming the order as background: a new plan, not late news of the order.
        const order = createEvent(item('a', { days: 0 }), relevant('in_force'));
        expect(matchEvent(order, item('b', { days: 2 }), relevant(stage, { vendors })) !== null).toBe(joins);
      },
    );

    it('says why in the source it adds (mergeReason)', () => {
      const [e] = resolve([
        [item('a', { days: 0 }), relevant('announced')],
        [item('b', { days: 2 }), relevant('announced', { vendors: ['Huawei', 'ZTE', 'Hikvision', 'Dahua'], measure: 'network_exclusion' })],
        [item('c', { days: 160 }), relevant('in_force')],
      ]);
      expect(e!.sources.map((s) => s.mergeReason)).toEqual([
        'first report',
        'vendors a superset (adds Dahua, Hikvision); measure network_exclusion compatible with procurement_exclusion; 2 days later',
        'vendors a subset (Huawei, ZTE); same measure; stage announced → in_force, 160 days later',
      ]);
    });

    describe('a rejection reported once the event was in force is another act', () => {
      // A ministry dropping its draft import rule on drones three weeks after a regulator's listing of
      // the same vendor took effect: a rejection follows a proposal, not a measure in force. Read
      // rejected among the in-force reports of the same days, it is the same moment misread and stays.
      const drones = (stage: Stage) => relevant(stage, { countries: ['US'], vendors: ['DJI'], measure: 'market_ban' });
      const inForceFrom = (day: number) => {
        let e = createEvent(item('a', { days: 0 }), drones(day === 0 ? 'in_force' : 'announced'));
        if (day > 0) e = mergeIntoEvent(e, item('b', { days: day }), drones('in_force')).event;
        return e;
      };
      it.each([
        { name: 'the same days as the in-force reports', event: () => inForceFrom(0), days: 2, joins: true },
        { name: 'two weeks after the event was in force', event: () => inForceFrom(0), days: 14, joins: false },
        { name: 'two weeks after an announcement (never in force)', event: () => createEvent(item('a', { days: 0 }), drones('announced')), days: 14, joins: true },
        { name: 'dated before the event went into force (an older report arriving late)', event: () => inForceFrom(20), days: 12, joins: true },
      ])('$name: joins = $joins', ({ event, days, joins }) => {
        const e = event();
        expect(e.stage).toBe(e.sources.some((s) => s.stage === 'in_force') ? 'in_force' : 'announced');
        expect(matchEvent(e, item('r', { days }), drones('rejected')) !== null).toBe(joins);
      });
      it('alerts the withdrawal as its own event once two outlets report it', () => {
        const [ban, withdrawn] = resolve([
          [item('a', { days: 0 }), drones('in_force')],
          [item('b', { days: 1 }), drones('in_force')],
          [item('r1', { days: 18 }), drones('rejected')],
          [item('r2', { days: 21 }), drones('rejected')],
        ]);
        expect(ban!.stage).toBe('in_force');
        expect(withdrawn!.stage).toBe('rejected');
        expect(nextAlert(withdrawn!)).toMatchObject({ kind: 'stage', stage: 'rejected' });
      });
    });

    describe('a measure upheld at a stage the event already has is a new act', () => {
      // An appeals court refusing to suspend an exclusion a week after it took effect: the ruling is
      // news of its own (its outlets tell of the court, not of the exclusion again).
      const UPHELD = ['en.stage.in_force.upheld'];
      const inForce = () => createEvent(item('a', { days: 0 }), relevant('in_force', { measure: 'network_exclusion' }));
      it.each([
        { name: 'a ruling upholding it, a week on', report: item('r', { days: 7 }), c: relevant('in_force', { measure: 'network_exclusion', rules: UPHELD }), joins: false },
        { name: 'the same ruling told in German the same week', report: item('r', { days: 6 }), c: relevant('in_force', { measure: 'network_exclusion', rules: ['de.stage.in_force.upheld'] }), joins: false },
        { name: 'a burst whose reports tell of it upheld', report: item('r', { days: 7 }), c: relevant('in_force', { measure: 'network_exclusion', upheld: true }), joins: false },
        { name: 'one more report of it in force, a week on', report: item('r', { days: 7 }), c: relevant('in_force', { measure: 'network_exclusion' }), joins: true },
      ] as Array<{ name: string; report: StoredItem; c: RelevantClassification; joins: boolean }>)('$name: joins = $joins', ({ report, c, joins }) => {
        expect(matchEvent(inForce(), report, c) !== null).toBe(joins);
      });
      it('still joins an announcement when the ruling is the step into force', () => {
        const announced = createEvent(item('a', { days: 0 }), relevant('announced', { measure: 'network_exclusion' }));
        expect(matchEvent(announced, item('r', { days: 7 }), relevant('in_force', { measure: 'network_exclusion', rules: UPHELD }))).not.toBeNull();
      });
      it('gathers the outlets reporting one ruling in one event of its own', () => {
        const events = resolve([
          [item('a', { days: 0 }), relevant('in_force', { measure: 'network_exclusion' })],
          [item('b', { days: 1 }), relevant('in_force', { measure: 'network_exclusion' })],
          [item('r1', { days: 8 }), relevant('in_force', { measure: 'network_exclusion', rules: UPHELD })],
          [item('r2', { days: 8 }), relevant('in_force', { measure: 'network_exclusion', rules: ['fr.stage.in_force.upheld'] })],
        ]);
        expect(events.map((e) => e.sources.map((s) => s.itemKey))).toEqual([['a', 'b'], ['r1', 'r2']]);
        expect(events[1]!.sources.every((s) => s.upheld)).toBe(true);
      });
    });

    it('keeps reports of a re-imposed ban apart from the lifted one', () => {
      const events = resolve([
        [item('a', { days: 0 }), relevant('in_force', { measure: 'market_ban' })],
        [item('b', { days: 30, official: true }), relevant('lifted', { measure: 'market_ban' })],
        [item('c', { days: 33 }), relevant('in_force', { measure: 'market_ban' })],
        [item('d', { days: 60 }), relevant('in_force', { measure: 'market_ban' })],
      ]);
      expect(events.map((e) => [e.stage, e.sources.map((s) => s.itemKey)])).toEqual([
        ['lifted', ['a', 'b', 'c']],
        ['in_force', ['d']],
      ]);
    });
  });

  describe('repeatCandidate (a new event that may be late news of an old one)', () => {
    const old = () => alerted(createEvent(item('a', { days: 0 }), relevant('in_force', { confidence: 0.9 })));
    it('finds the event at the same stage of the same act that a quiet spell kept the report out of', () => {
      const e = old();
      const late = item('late', { days: 50 });
      expect(matchEvent(e, late, relevant('in_force'))).toBeNull();
      expect(repeatCandidate([e], late, relevant('in_force'))?.eventId).toBe(e.eventId);
    });
    it.each([
      ['another stage', relevant('lifted')],
      ['other vendors', relevant('in_force', { vendors: ['Hikvision'] })],
      ['another measure', relevant('in_force', { measure: 'export_control' })],
    ] as Array<[string, RelevantClassification]>)('finds none for %s', (_why, c) => {
      expect(repeatCandidate([old()], item('late', { days: 50 }), c)).toBeNull();
    });
    it('finds none beyond REPEAT_REACH_DAYS', () => {
      expect(repeatCandidate([old()], item('late', { days: REPEAT_REACH_DAYS + 1 }), relevant('in_force'))).toBeNull();
    });
    it('finds a lifted event that a later report says is in force again (re-imposed, or background)', () => {
      // Sweden, Jan 2021: a court had suspended the Huawei exclusion; "court rejects Huawei's appeal"
      // read as in force must not alert on its own.
      let lifted = old();
      for (const k of ['c1', 'c2']) lifted = mergeIntoEvent(lifted, item(k, { days: 10 }), relevant('lifted')).event;
      expect(lifted.stage).toBe('lifted');
      const later = item('bg', { days: 60 });
      expect(matchEvent(lifted, later, relevant('in_force'))).toBeNull();
      expect(repeatCandidate([lifted], later, relevant('in_force'))?.eventId).toBe(lifted.eventId);
      expect(repeatCandidate([lifted], later, relevant('in_force', { vendors: ['Hikvision'] }))).toBeNull();
      // another measure in force after the lifting (a compatible one: a purchase ban after a sales
      // ban was lifted) is a new act, not background of the lifted one
      expect(repeatCandidate([lifted], later, relevant('in_force', { measure: 'market_ban' }))).toBeNull();
      expect(repeatCandidate([lifted], item('bg', { days: 10 + REPEAT_REACH_DAYS + 1 }), relevant('in_force'))).toBeNull();
    });
    it.each([
      // South Dakota, May 2023: "Gov. Noem bans Tencent apps on state devices", seven weeks after
      // Vermont's TikTok-and-WeChat ban, is another act, not late news of Vermont's.
      ['a governor the old reports never named', 'Gov. Jane Harlow orders WeChat off state phones', false],
      ['a state the old reports never named', 'Utah bans WeChat on state devices', false],
      ['the state the old reports named', 'Vermont bans WeChat on state devices', true],
      ['no decider at all', 'WeChat banned on state devices', true],
    ] as Array<[string, string, boolean]>)('a late report naming %s is a possible repeat: %s', (_why, title, repeat) => {
      const wechat = (extra: Partial<RelevantClassification> = {}) => relevant('in_force', { countries: ['US'], vendors: ['WeChat'], measure: 'device_ban', ...extra });
      const vermont = alerted(createEvent(item('vt', { days: 0, title: 'Vermont bans TikTok and WeChat on state devices' }), wechat({ vendors: ['TikTok', 'WeChat'], confidence: 0.9 })));
      const late = item('late', { days: 49, title });
      expect(repeatCandidate([vermont], late, wechat())?.eventId ?? null).toBe(repeat ? vermont.eventId : null);
    });
    it('an ending reported more than LATE_ENDING_DAYS after the event ended is another act, a possible repeat', () => {
      // A court stays a ban; twelve days later the ministry suspends its enforcement: two liftings.
      let e = old();
      for (const k of ['c1', 'c2']) e = mergeIntoEvent(e, item(k, { days: 10 }), relevant('lifted')).event;
      e = alerted(e);
      expect(e.stage).toBe('lifted');
      expect(matchEvent(e, item('late', { days: 10 + LATE_ENDING_DAYS - 1 }), relevant('lifted'))).not.toBeNull();
      const second = item('ministry', { days: 10 + LATE_ENDING_DAYS + 5 });
      expect(matchEvent(e, second, relevant('lifted'))).toBeNull();
      expect(repeatCandidate([e], second, relevant('lifted'))?.eventId).toBe(e.eventId);
    });
    it('makes the new event wait for a second outlet or an official source, however sure the report', () => {
      const e = createEvent(item('late', { days: 50 }), relevant('in_force', { confidence: 0.95 }), 1);
      expect(nextAlert(e)).not.toBeNull();
      const repeat = { ...e, repeatOf: old().eventId };
      expect(nextAlert(repeat)).toBeNull();
      expect(nextAlert(mergeIntoEvent(repeat, item('second', { days: 50 }), relevant('in_force')).event)).toMatchObject({ kind: 'stage', stage: 'in_force' });
      expect(nextAlert(mergeIntoEvent(repeat, item('gov', { days: 51, official: true }), relevant('in_force')).event)).not.toBeNull();
    });
  });

  describe('matchEvent: who decided (lambdas/core/actors.ts)', () => {
    const tiktok = (stage: Stage, countries: string[]) => relevant(stage, { countries, vendors: ['TikTok'], measure: 'device_ban' });
    it.each([
      ['two US states, same week: separate decisions', ['US'], 'South Dakota bans TikTok on state devices', 'in_force', 'Utah governor bans TikTok on state devices', 'in_force', false],
      ['a state and Congress: separate decisions', ['US'], 'South Dakota bans TikTok on state devices', 'in_force', 'Senate passes TikTok ban on federal devices', 'proposed', false],
      ['the European Commission, then the Parliament, same stage: separate decisions', ['EU'], 'European Commission bans TikTok on staff phones', 'in_force', 'European Parliament bans TikTok on staff phones', 'in_force', false],
      ['the Commission proposes, the Parliament adopts (a later stage): one measure', ['EU'], 'European Commission proposes TikTok ban on staff phones', 'proposed', 'European Parliament adopts TikTok ban on staff phones', 'in_force', true],
      ['a report naming no institution: joins', ['EU'], 'European Commission bans TikTok on staff phones', 'in_force', 'EU bans TikTok on staff phones', 'in_force', true],
      ['a Canadian province after Ottawa: separate decisions', ['CA'], 'Ottawa bans TikTok on federal government devices', 'in_force', 'Quebec bans TikTok on government devices', 'in_force', false],
      ['the US Navy, then NASA, on their own devices: separate decisions', ['US'], 'US Navy bans TikTok on its devices', 'in_force', 'NASA bans TikTok on agency devices', 'in_force', false],
      ['the US Navy, then an unnamed "US military": joins', ['US'], 'US Navy bans TikTok on its devices', 'in_force', 'US military bans TikTok on devices', 'in_force', true],
      ['two governors named, no state named, same week: separate decisions', ['US'], 'Gov. Jane Harlow orders TikTok off state phones', 'in_force', 'Governor Tom Becker bans TikTok on state-issued devices', 'in_force', false],
      ['the same governor, then with the state: joins', ['US'], 'Gov. Jane Harlow orders TikTok off state phones', 'in_force', 'Nevada Gov. Jane Harlow signs TikTok ban for state agencies', 'in_force', true],
      ['a governor, then a report naming neither governor nor state: joins', ['US'], 'Gov. Jane Harlow orders TikTok off state phones', 'in_force', 'Governor bans TikTok on state devices', 'in_force', true],
      ['two named premiers: separate decisions', ['CA'], 'Premier Scott Moe orders TikTok off provincial phones', 'in_force', 'Premier Heather Stefanson bans TikTok on provincial devices', 'in_force', false],
      ['a province, then a report naming the country as the decider: separate decisions', ['CA'], 'Manitoba bans TikTok on government phones', 'in_force', 'Canada orders TikTok off public servants\' phones', 'in_force', false],
      ['a governor, then the state\'s university system on its own devices: separate decisions', ['US'], 'Ohio Gov. Mike DeWine bans TikTok on state devices', 'in_force', 'Ohio State University blocks TikTok on campus Wi-Fi', 'in_force', false],
      ['a university, then another state\'s colleges: separate decisions', ['US'], 'University of Utah drops TikTok from its networks', 'in_force', 'Nevada colleges ban TikTok on school-owned devices', 'in_force', false],
      ['a province in Chinese short form, then another province: separate decisions', ['CA'], '安省政府考虑禁止公务手机使用TikTok', 'proposed', 'Nova Scotia bans TikTok on government devices', 'announced', false],
      ['the Australian government, then "호주 정부" (not a state government): joins', ['AU'], 'Australian government bans TikTok on official devices', 'in_force', '호주 정부, 공무원 기기에서 틱톡 사용 금지', 'in_force', true],
    ] as Array<[string, string[], string, Stage, string, Stage, boolean]>)('%s', (_, countries, t1, s1, t2, s2, joins) => {
      const e = createEvent(item('a', { title: t1 }), tiktok(s1, countries));
      expect(matchEvent(e, item('b', { days: 2, title: t2 }), tiktok(s2, countries)) !== null).toBe(joins);
    });
    it("tells bodies apart for device bans only: the House's device ban takes Congress's warning to its staff", () => {
      const e = createEvent(item('a', { title: 'US House bans DeepSeek on official devices' }), relevant('in_force', { countries: ['US'], vendors: ['DeepSeek'], measure: 'device_ban' }));
      const warning = relevant('in_force', { countries: ['US'], vendors: ['DeepSeek'], measure: 'security_warning' });
      expect(matchEvent(e, item('b', { days: 1, title: 'US Congress warns staff not to install DeepSeek' }), warning)).not.toBeNull();
    });
  });

  describe('isOfficial (a government speaking of its own measure)', () => {
    it.each([
      ['a government feed on its own measure', 'government', 'GB', ['GB'], true],
      ['a government feed with no country configured', 'government', null, ['GB'], true],
      ["an embassy's feed on another country's ban (a reaction)", 'government', 'CN', ['GB'], false],
      ['a government feed on a measure of several countries', 'government', 'CN', ['CN', 'GB'], false],
      ['a news feed', 'news', 'GB', ['GB'], false],
    ] as Array<[string, StoredItem['feedKind'], string | null, string[], boolean]>)('%s', (_, feedKind, feedCountry, countries, expected) => {
      expect(isOfficial({ feedKind, feedCountry }, { countries })).toBe(expected);
    });
  });

  describe('bestMatch', () => {
    it('prefers the event with the same measure and vendors over a merely compatible one', () => {
      const network = createEvent(item('n', { days: 0 }), relevant('announced', { measure: 'network_exclusion', vendors: ['Huawei'] }), 0);
      const procurement = createEvent(item('p', { days: 0 }), relevant('announced', { vendors: ['Huawei', 'ZTE'] }), 1);
      const best = bestMatch([network, procurement], item('x', { days: 1 }), relevant('announced'));
      expect(best?.event.eventId).toBe(procurement.eventId);
    });
  });

  describe('createEvent', () => {
    it('starts pending, sorted, version 1, with the item as its source and one timeline step', () => {
      const e = createEvent(item('a'), relevant('announced'));
      expect(e).toMatchObject({
        countries: ['JP'], vendors: ['Huawei', 'ZTE'], stage: 'announced', alertState: 'PENDING', alertedStages: [], version: 1,
        firstSeen: at(0), lastSeen: at(0), official: false, backfill: false, reportCount: 1,
        history: [{ stage: 'announced', at: at(0), itemKey: 'a', feedId: 'news-feed', official: false }],
      });
      expect(e.sources).toEqual([expect.objectContaining({ itemKey: 'a', stage: 'announced', outlet: 'a.example', mergeReason: 'first report' })]);
    });
    it('derives the id from the acting countries and the position only, so concurrent creators agree', () => {
      const a = createEvent(item('a'), relevant('announced'));
      const b = createEvent(item('b', { days: 1 }), relevant('proposed', { vendors: ['Hikvision'] }));
      const next = createEvent(item('c'), relevant('proposed'), 1);
      expect(a.eventId).toBe(b.eventId);
      expect(a.eventId).toMatch(/^ev_[0-9a-f]{20}$/);
      expect(next.eventId).not.toBe(a.eventId);
    });
    it('marks an event made of old news backfill and SILENT: nothing to alert', () => {
      const e = createEvent(item('a', { alertable: false }), relevant('in_force'));
      expect(e).toMatchObject({ backfill: true, alertState: 'SILENT' });
      expect(nextAlert(e)).toBeNull();
    });
    it('does not let a single weak report of a lifting open an event at lifted', () => {
      const e = createEvent(item('a'), relevant('lifted'));
      expect(e.stage).toBe('in_force');
      expect(nextAlert(e)).toBeNull();
    });
  });

  describe('what a reader needs from each report (language, decisive phrases, effective date)', () => {
    it('keeps them on the source, and gives the event the official source\'s effective date', () => {
      // Prepare: a news report stating one date, then the government's own release stating another.
      const news = { ...item('n', { title: 'Japan to exclude Huawei, ZTE from government procurement' }), summary: 'The rules apply from 1 April, sources said.' };
      const gov = { ...item('g', { official: true, days: 2, title: '政府調達からファーウェイ・ZTE製品を排除へ' }), language: 'ja', summary: '本申合せは令和9年4月1日以降の調達手続から適用します。' };
      const c = relevant('announced', { evidence: ['exclude Huawei, ZTE from government', 'Japan'] });

      // Act
      const created = createEvent(news, c);
      const merged = mergeIntoEvent(created, gov, relevant('announced', { evidence: ['ファーウェイ・ZTE製品を排除へ'] })).event;

      // Assess
      expect(created.sources[0]).toMatchObject({ language: 'en', phrases: ['Japan to exclude Huawei, ZTE from government procurement'] });
      expect(created.effective).toMatchObject({ kind: 'from', date: '2027-04-01', phrase: 'from 1 April', rule: 'en.from' });
      expect(merged.sources[1]).toMatchObject({ language: 'ja', effective: { kind: 'from', date: '2027-04-01', rule: 'ja.from.date' } });
      expect(merged.effective).toMatchObject({ date: '2027-04-01', phrase: '令和9年4月1日以降' });
    });
  });

  describe('mergeIntoEvent', () => {
    const sent = () => alerted(createEvent(item('a'), relevant('announced')));

    it('changes nothing when the item is already a source', () => {
      const e = sent();
      expect(mergeIntoEvent(e, item('a'), relevant('announced'))).toEqual({ changed: false, event: e });
    });
    it('adds a source without re-alerting when the stage is the same', () => {
      const r = mergeIntoEvent(sent(), item('b', { days: 1 }), relevant('announced'));
      expect(r.event).toMatchObject({ alertState: 'SENT', stage: 'announced', lastSeen: at(1), reportCount: 2, outlets: ['a.example', 'b.example'] });
    });
    it('moves the stage forward, records the step and makes the event pending again', () => {
      const r = mergeIntoEvent(sent(), item('b', { days: 19, title: 'Ban takes effect' }), relevant('in_force'));
      expect(r.event).toMatchObject({ stage: 'in_force', alertState: 'PENDING', title: 'Ban takes effect' });
      expect(r.event.history?.map((h) => [h.stage, h.at])).toEqual([['announced', at(0)], ['in_force', at(19)]]);
      expect(r.event.evidence[0]).toBe('in_force evidence');
    });
    it('never moves the stage back when an older article arrives late, but fills in the timeline', () => {
      const e = mergeIntoEvent(sent(), item('b', { days: 19 }), relevant('in_force')).event;
      const r = mergeIntoEvent(e, item('c', { days: -12 }), relevant('proposed'));
      expect(r.event).toMatchObject({ stage: 'in_force', firstSeen: at(-12) });
      expect(r.event.history?.map((h) => h.stage)).toEqual(['proposed', 'announced', 'in_force']);
    });
    it('grows the vendors with a superset and follows the measure most reports give', () => {
      let e = createEvent(item('a'), relevant('announced', { measure: 'device_ban', vendors: ['TikTok'], countries: ['EU'] }));
      for (const k of ['b', 'c']) e = mergeIntoEvent(e, item(k, { days: 1 }), relevant('announced', { measure: 'market_ban', vendors: ['TikTok', 'ByteDance'], countries: ['EU'] })).event;
      expect(e).toMatchObject({ vendors: ['ByteDance', 'TikTok'], measure: 'market_ban' });
    });
    it('weighs a measure no cue named (the vendor\'s usual one) half against one a cue named', () => {
      const tiktok = { vendors: ['TikTok'], countries: ['GB'] };
      // "UK to follow allies with TikTok ban" (no scope: the app's usual market ban), then "TikTok banned from UK government phones".
      let e = createEvent(item('a'), relevant('announced', { ...tiktok, measure: 'market_ban', rules: ['en.restrict.ban', 'vendor.TikTok.TikTok'] }));
      e = mergeIntoEvent(e, item('b'), relevant('announced', { ...tiktok, measure: 'device_ban', rules: ['en.restrict.ban', 'en.measure.device.gov-devices'] })).event;
      expect(e.measure).toBe('device_ban');
      expect(e.sources.map((s) => s.measureCued)).toEqual([false, true]);
      // Two uncued reports against one cued: a tie, which keeps the measure the event has.
      e = mergeIntoEvent(e, item('c'), relevant('announced', { ...tiktok, measure: 'market_ban', rules: ['scope.not-official'] })).event;
      expect(e.measure).toBe('device_ban');
    });
    it('weighs a catch-all restriction in full when a cue named it (a dissolution order is not a fallback)', () => {
      const tiktok = { vendors: ['TikTok'], countries: ['CA'] };
      const marketBan = relevant('in_force', { ...tiktok, measure: 'market_ban', rules: ['en.measure.market.app'] });
      // One outlet's "Canada bans TikTok", then twice "Ottawa orders TikTok's Canadian arm to be dissolved".
      let e = createEvent(item('a'), marketBan);
      for (const k of ['b', 'c']) e = mergeIntoEvent(e, item(k), relevant('in_force', { ...tiktok, measure: 'other_restriction', rules: ['en.measure.other.wind-up'] })).event;
      expect(e.measure).toBe('other_restriction');
      // Named by no cue, the catch-all is the classifier's fallback: two such reports do not outvote one market ban.
      let u = createEvent(item('a'), marketBan);
      for (const k of ['b', 'c']) u = mergeIntoEvent(u, item(k), relevant('in_force', { ...tiktok, measure: 'other_restriction', rules: ['en.restrict.ban'] })).event;
      expect(u.measure).toBe('market_ban');
    });
    it('lets one official source outweigh two outlets on the measure', () => {
      let e = createEvent(item('a', { official: true }), relevant('announced', { measure: 'device_ban' }));
      for (const k of ['b', 'c']) e = mergeIntoEvent(e, item(k, { days: 1 }), relevant('announced', { measure: 'market_ban' })).event;
      expect(e.measure).toBe('device_ban');
    });
  });

  describe('stage changes that need support (lifted, rejected)', () => {
    const inForce = () => alerted(createEvent(item('a'), relevant('in_force', { measure: 'market_ban' })));
    const lifted = (extra: Partial<RelevantClassification> = {}) => relevant('lifted', { measure: 'market_ban', ...extra });
    it.each([
      ['one weak report', 'in_force', [[item('b', { days: 30 }), lifted()]]],
      ['two reports from one outlet', 'in_force', [[item('b', { days: 30, outlet: 'x.example' }), lifted()], [item('c', { days: 31, outlet: 'x.example' }), lifted()]]],
      ['two independent outlets', 'lifted', [[item('b', { days: 30 }), lifted()], [item('c', { days: 31 }), lifted()]]],
      ['one strong cue', 'lifted', [[item('b', { days: 30 }), lifted({ stageConfidence: 0.95 })]]],
      ['one official source', 'lifted', [[item('b', { days: 30, official: true }), lifted()]]],
      ['a rejection of what is in force', 'in_force', [[item('b', { days: 30, official: true }), relevant('rejected', { measure: 'market_ban' })]]],
    ] as Array<[string, Stage, Array<[StoredItem, RelevantClassification]>]>)('after %s the stage is %s', (_, expected, reports) => {
      let e = inForce();
      for (const [i, c] of reports) e = mergeIntoEvent(e, i, c).event;
      expect(e.stage).toBe(expected);
      expect(e.alertState).toBe(expected === 'in_force' ? 'SENT' : 'PENDING');
    });
    it('does not count a strong ending that the outlets of its own days contradict three to one', () => {
      // UK, January 2020: "allows Huawei … capped at 35%" read as a rejection by one outlet, a
      // restriction announced by four.
      const cap = (k: string, stage: Stage, extra: Partial<RelevantClassification> = {}) => [item(k, { days: 1 }), relevant(stage, { measure: 'network_exclusion', ...extra })] as [StoredItem, RelevantClassification];
      const e = resolve([cap('a', 'announced'), cap('b', 'announced'), cap('c', 'announced'), cap('d', 'rejected', { stageConfidence: 0.95 }), cap('f', 'announced')])[0]!;
      expect(e.stage).toBe('announced');
      // An official rejection is never outvoted by outlets.
      const official = mergeIntoEvent(e, item('g', { days: 2, official: true }), relevant('rejected', { measure: 'network_exclusion' })).event;
      expect(official.stage).toBe('rejected');
    });
    it('rejects a proposal on an official word', () => {
      const e = mergeIntoEvent(createEvent(item('a'), relevant('proposed')), item('b', { days: 5, official: true }), relevant('rejected'));
      expect(e.event.stage).toBe('rejected');
    });
  });

  describe('deriveStage (outlets disagreeing on the tense of one decision)', () => {
    const fold = (reports: Array<[StoredItem, RelevantClassification]>) => resolve(reports)[0]!;
    it('keeps the earlier stage when fewer than half the outlets of those days say more', () => {
      const e = fold([
        [item('a', { days: 0 }), relevant('in_force')],
        [item('b', { days: 0 }), relevant('announced')],
        [item('c', { days: 1 }), relevant('announced')],
        [item('d', { days: 2 }), relevant('announced')],
      ]);
      expect(e.stage).toBe('announced');
      expect(e.history?.map((h) => h.stage)).toEqual(['announced']);
    });
    it('takes the further stage when half of the outlets state it (a tie goes forward), not a third', () => {
      expect(fold([[item('a'), relevant('in_force')], [item('b'), relevant('announced')]]).stage).toBe('in_force');
      expect(fold([[item('a'), relevant('in_force')], [item('b'), relevant('announced')], [item('c'), relevant('announced')]]).stage).toBe('announced');
    });
    it('weighs bare headlines half on either side of the vote', () => {
      // Google News items: "Japan bans Huawei from contracts" states a decision as often as an act in force.
      const h = (k: string) => item(k, { headlineOnly: true });
      expect(fold([[h('a'), relevant('in_force')], [h('b'), relevant('announced')], [h('c'), relevant('announced')]]).stage).toBe('announced');
      expect(fold([[h('a'), relevant('in_force')], [h('b'), relevant('in_force')], [h('c'), relevant('announced')]]).stage).toBe('in_force');
      expect(fold([[item('a'), relevant('in_force')], [h('b'), relevant('announced')], [h('c'), relevant('announced')]]).stage).toBe('in_force');
    });
    it('weighs a bare headline by how sure its stage cue is (at least a quarter)', () => {
      // "Oman bans WeChat" (a headline's present tense, a weak cue) against "Oman to ban WeChat" (a
      // future form): with no lead to settle it, the surer headline decides.
      const h = (k: string) => item(k, { headlineOnly: true });
      expect(fold([[h('a'), relevant('in_force', { stageConfidence: 0.2 })], [h('b'), relevant('announced', { stageConfidence: 0.6 })]]).stage).toBe('announced');
      expect(fold([[h('a'), relevant('in_force', { stageConfidence: 0.8 })], [h('b'), relevant('announced', { stageConfidence: 0.6 })]]).stage).toBe('in_force');
      // a report with a lead and a stage cue weighs 1, however weak the cue
      expect(fold([[item('a'), relevant('in_force', { stageConfidence: 0.4 })], [h('b'), relevant('announced', { stageConfidence: 0.9 })]]).stage).toBe('in_force');
      expect(stageVoteWeight({ headlineOnly: true, stageConfidence: 0.05 })).toBe(HEADLINE_ONLY_MIN_WEIGHT);
      expect(stageVoteWeight({ headlineOnly: true })).toBe(HEADLINE_ONLY_WEIGHT);
      expect(stageVoteWeight({ stageConfidence: 0.4 })).toBe(1);
    });
    it('weighs a bare headline reading in force on a present tense or no stage word least (headlines state decisions in the present tense)', () => {
      // "Norway bans Huawei from public tenders", "Norwegen verbannt Huawei" (present tense, 0.31 or
      // the no-cue 0.3) against one "Norway will bar Huawei from tenders" (0.55): the announcement
      // is what the three report.
      const h = (k: string) => item(k, { headlineOnly: true });
      const present = (k: string, sc = 0.31) => [h(k), relevant('in_force', { stageConfidence: sc })] as [StoredItem, RelevantClassification];
      expect(fold([present('a'), present('b', 0.3), present('c'), [h('d'), relevant('announced', { stageConfidence: 0.55 })]]).stage).toBe('announced');
      // against another weak reading too
      expect(fold([present('a', 0.3), [h('b'), relevant('announced', { stageConfidence: 0.3 })]]).stage).toBe('announced');
      // alone, or against nothing but other present tenses, it still says in force
      expect(fold([present('a')]).stage).toBe('in_force');
      expect(fold([present('a'), present('b')]).stage).toBe('in_force');
      // a surer in-force cue in a headline ("took effect on Monday") keeps its weight
      expect(fold([[h('a'), relevant('in_force', { stageConfidence: 0.6 })], [h('b'), relevant('announced', { stageConfidence: 0.55 })]]).stage).toBe('in_force');
      // a bare headline's weak announced or proposed reading keeps the floor
      expect(stageVoteWeight({ headlineOnly: true, stage: 'in_force', stageConfidence: 0.31 })).toBe(HEADLINE_PRESENT_WEIGHT);
      expect(stageVoteWeight({ headlineOnly: true, stage: 'announced', stageConfidence: 0.31 })).toBe(0.31);
    });
    it('weighs a report with a lead but no stage word in it half, on either side', () => {
      // "Poland's ministries drop Hikvision cameras" with a lead that never says when (0.3) against
      // one lead saying the cameras "will be replaced by 2026" (0.6): the announcement decides…
      const weak = (k: string, stage: Stage) => [item(k), relevant(stage, { stageConfidence: 0.3 })] as [StoredItem, RelevantClassification];
      expect(fold([weak('a', 'in_force'), [item('b'), relevant('announced', { stageConfidence: 0.6 })]]).stage).toBe('announced');
      // …and a weak announced reading does not hold back a report that says the ban took effect
      expect(fold([weak('a', 'announced'), weak('b', 'announced'), [item('c'), relevant('in_force', { stageConfidence: 0.6 })]]).stage).toBe('in_force');
      // two weak readings against each other: a tie goes forward, as before
      expect(fold([weak('a', 'in_force'), weak('b', 'announced')]).stage).toBe('in_force');
      expect(stageVoteWeight({ stageConfidence: 0.3 })).toBe(WEAK_STAGE_WEIGHT);
      expect(stageVoteWeight({ stageConfidence: 0.34, stage: 'proposed' })).toBe(WEAK_STAGE_WEIGHT);
      expect(stageVoteWeight({})).toBe(1);
    });
    it.each([
      // Albania, March 2025: "the date TikTok will be shut down" on Tuesday and Wednesday, "the
      // blocking of TikTok begins" on Thursday — the measure moved on; the earlier days do not vote.
      ['an earlier day', 'in_force', [[0, 'announced', 0.6], [1, 'announced', 0.6], [2, 'in_force', 0.6]]],
      ['an earlier day, against a bill', 'announced', [[0, 'proposed', 0.7], [0, 'proposed', 0.7], [3, 'announced', 0.5]]],
      // the same day's outlets still disagree with it
      ['the same day', 'announced', [[2, 'announced', 0.6], [2, 'announced', 0.6], [2, 'in_force', 0.6]]],
      // the following days' outlets too ("will block from Monday" after one "blocks")
      ['the following days', 'announced', [[0, 'in_force', 0.6], [1, 'announced', 0.6], [2, 'announced', 0.6]]],
      // a stage word no cue backs (the classifier's default for a present tense, 0.3) cannot say the
      // measure moved on: the days before still vote
      ['an earlier day, with no stage cue', 'announced', [[0, 'announced', 0.6], [1, 'announced', 0.6], [2, 'in_force', 0.3]]],
    ] as Array<[string, Stage, Array<[number, Stage, number]>]>)('weighs reports of %s against a later stage: %s', (_, expected, reports) => {
      const e = fold(reports.map(([days, stage, sc], k) => [item(`r${k}`, { days }), relevant(stage, { stageConfidence: sc })]));
      expect(e.stage).toBe(expected);
    });
    it('takes an official or a strong cue over any number of outlets', () => {
      expect(fold([[item('a'), relevant('announced')], [item('b'), relevant('announced')], [item('g', { official: true }), relevant('in_force')]]).stage).toBe('in_force');
      expect(fold([[item('a'), relevant('announced')], [item('b'), relevant('announced')], [item('s'), relevant('in_force', { stageConfidence: 0.9 })]]).stage).toBe('in_force');
    });
    it('moves on when later reports agree, and dates the step by them', () => {
      const e = fold([
        [item('a', { days: 0 }), relevant('announced')],
        [item('b', { days: 1 }), relevant('announced')],
        [item('c', { days: 90 }), relevant('in_force')],
        [item('d', { days: 91 }), relevant('in_force')],
      ]);
      expect(e.stage).toBe('in_force');
      expect(e.history?.map((h) => [h.stage, h.at])).toEqual([['announced', at(0)], ['in_force', at(90)]]);
    });
    it('never goes back on a stage already alerted when fewer than three outlets say otherwise', () => {
      const sent = alerted(createEvent(item('a'), relevant('in_force')));
      let e = sent;
      for (const k of ['b', 'c']) e = mergeIntoEvent(e, item(k, { days: 1 }), relevant('announced')).event;
      expect(e.stage).toBe('in_force');
      expect(e.retractions).toBeUndefined();
    });
  });

  describe('corrections (a stage alerted on one report that later outlets overruled)', () => {
    // UK, July 2020: a lone early report (a leak, "preparing to phase out … sources say") read as
    // in force alerts; a week later six outlets report the decision itself as "will remove by 2027".
    const leak = () => alerted(createEvent(item('leak', { outlet: 'bloomberg.example' }), relevant('in_force', { stageConfidence: 0.3, confidence: 0.85 })));
    const overrule = (e: PolicyEvent, n = 3, sc = 0.8) => {
      for (let k = 0; k < n; k++) e = mergeIntoEvent(e, item(`o${k}`, { days: 8 }), relevant('announced', { stageConfidence: sc })).event;
      return e;
    };

    it('takes the stage back when three outlets, each at least as sure, report an earlier stage', () => {
      const e = overrule(leak());
      expect(e.stage).toBe('announced');
      expect(e.alertedStages).not.toContain('in_force');
      expect(e.retractions).toEqual([{ stage: 'in_force', to: 'announced', at: at(8), alerted: false, itemKeys: ['leak'] }]);
      expect(e.alertState).toBe('PENDING');
    });

    it('sends one correction, with its own id, and nothing more after it', () => {
      const e = overrule(leak());
      const mark = nextAlert(e)!;
      expect(mark).toMatchObject({ kind: 'corrected', stage: 'announced', retracted: 'in_force' });
      expect(alertIdOf(e.eventId, mark)).toBe(`${e.eventId}-corrected-in_force`);
      const done = applyAlertMark(e, { ...mark, alertId: alertIdOf(e.eventId, mark), at: at(8) })!;
      expect(done.retractions?.[0]?.alerted).toBe(true);
      expect(done.alertedStages).toEqual(['announced']);
      expect(nextAlert(done)).toBeNull();
      expect(done.alertState).toBe('SENT');
      // More reports of the same moment change nothing.
      expect(nextAlert(overrule(done, 2))).toBeNull();
    });

    it('forgets the retraction when the stage is reached again before the correction went out', () => {
      let e = overrule(leak());
      expect(nextAlert(e)).toMatchObject({ kind: 'corrected' });
      for (const k of ['x', 'y']) e = mergeIntoEvent(e, item(k, { days: 9 }), relevant('in_force', { stageConfidence: 0.9 })).event;
      expect(e.stage).toBe('in_force');
      expect(e.retractions).toBeUndefined();
      expect(e.alertedStages).toEqual(['in_force']);
      expect(nextAlert(e)).toBeNull();
    });

    it('does not revive the overruled report when one more weak report says its stage amid the others', () => {
      let e = overrule(leak());
      const mark = nextAlert(e)!;
      e = applyAlertMark(e, { ...mark, alertId: alertIdOf(e.eventId, mark), at: at(8) })!;
      e = mergeIntoEvent(e, item('weak', { days: 8, outlet: 'weak.example' }), relevant('in_force', { stageConfidence: 0.4 })).event;
      expect(e.stage).toBe('announced');
      expect(nextAlert(e)).toBeNull();
    });

    it('alerts the stage again, under a new id, when a second outlet later says it', () => {
      let e = overrule(leak());
      const mark = nextAlert(e)!;
      e = applyAlertMark(e, { ...mark, alertId: alertIdOf(e.eventId, mark), at: at(8) })!;
      e = mergeIntoEvent(e, item('later', { days: 120, outlet: 'reuters.example' }), relevant('in_force', { stageConfidence: 0.9 })).event;
      expect(e.stage).toBe('in_force');
      const again = nextAlert(e)!;
      expect(again).toMatchObject({ kind: 'stage', stage: 'in_force', again: true });
      expect(alertIdOf(e.eventId, again)).toBe(`${e.eventId}-in_force-again`);
    });

    it.each([
      ['the lone report had a strong stage cue', () => alerted(createEvent(item('a'), relevant('in_force', { stageConfidence: 0.9 }))), 3, 0.95],
      ['the lone report was official', () => alerted(createEvent(item('g', { official: true }), relevant('in_force', { stageConfidence: 0.3 }))), 3, 0.8],
      ['the later outlets were less sure than it', leak, 5, 0.25],
      ['only two outlets said otherwise', leak, 2, 0.9],
    ] as Array<[string, () => PolicyEvent, number, number]>)('keeps the alerted stage when %s', (_why, start, n, sc) => {
      const e = overrule(start(), n, sc);
      expect(e.stage).toBe('in_force');
      expect(e.retractions).toBeUndefined();
      expect(nextAlert(e)).toBeNull();
    });

    it('keeps the alerted stage when a second outlet had said it too', () => {
      let e = leak();
      e = mergeIntoEvent(e, item('second', { days: 1, outlet: 'nikkei.example' }), relevant('in_force', { stageConfidence: 0.3 })).event;
      e = overrule(e, 4);
      expect(e.stage).toBe('in_force');
      expect(e.retractions).toBeUndefined();
    });
  });

  describe('nextAlert (what is due)', () => {
    it('alerts a new event once for its stage', () => {
      const e = createEvent(item('a'), relevant('announced'));
      expect(nextAlert(e)).toEqual({ kind: 'stage', stage: 'announced', vendors: ['Huawei', 'ZTE'] });
      expect(nextAlert(alerted(e))).toBeNull();
    });
    it('waits for a second outlet or an official source before alerting one unsure report', () => {
      const unsure = createEvent(item('a'), relevant('announced', { confidence: 0.6 }));
      expect(nextAlert(unsure)).toBeNull();
      expect(alertStateOf(unsure)).toBe('SILENT');
      expect(nextAlert(mergeIntoEvent(unsure, item('b', { days: 1 }), relevant('announced', { confidence: 0.6 })).event)).toMatchObject({ kind: 'stage' });
      expect(nextAlert(mergeIntoEvent(unsure, item('g', { days: 1, official: true }), relevant('announced', { confidence: 0.6 })).event)).toMatchObject({ kind: 'stage' });
      expect(nextAlert(mergeIntoEvent(unsure, item('c', { days: 1, outlet: 'a.example' }), relevant('announced', { confidence: 0.6 })).event)).toBeNull();
    });
    it('alerts a stage reached only by old news never, and the next fresh stage normally', () => {
      const seeded = createEvent(item('a', { alertable: false }), relevant('announced'));
      expect(nextAlert(seeded)).toBeNull();
      const sameStageFresh = mergeIntoEvent(seeded, item('b', { days: 1, alertable: false }), relevant('announced')).event;
      expect(nextAlert(sameStageFresh)).toBeNull();
      const next = mergeIntoEvent(seeded, item('c', { days: 60 }), relevant('in_force')).event;
      expect(nextAlert(next)).toMatchObject({ kind: 'stage', stage: 'in_force' });
      expect(next.backfill).toBe(false);
    });
    it('alerts once more when the first official source confirms an alerted stage, then stays quiet', () => {
      const e = alerted(createEvent(item('a'), relevant('announced')));
      const confirmed = mergeIntoEvent(e, item('b', { days: 3, official: true }), relevant('announced')).event;
      const mark = nextAlert(confirmed);
      expect(mark).toEqual({ kind: 'confirmed', stage: 'announced', vendors: ['Huawei', 'ZTE'], officialFeedId: 'gov-feed' });
      const after = applyAlertMark(confirmed, { ...mark!, alertId: alertIdOf(e.eventId, mark!), at: at(3) })!;
      expect(after.alertState).toBe('SENT');
      expect(nextAlert(mergeIntoEvent(after, item('c', { days: 4, official: true }), relevant('announced')).event)).toBeNull();
    });
    it('does not confirm a stage whose own alert already had an official source', () => {
      const e = alerted(createEvent(item('a', { official: true }), relevant('announced')));
      expect(e.confirmedStages).toEqual(['announced']);
      expect(nextAlert(mergeIntoEvent(e, item('b', { days: 1, official: true }), relevant('announced')).event)).toBeNull();
    });
    it('alerts vendors added later only when two outlets or an official source name them', () => {
      let e = alerted(createEvent(item('a'), relevant('in_force', { vendors: ['Huawei', 'ZTE'], measure: 'market_ban', countries: ['US'] })));
      const wider = relevant('in_force', { vendors: ['Huawei', 'ZTE', 'Hikvision', 'Dahua'], measure: 'market_ban', countries: ['US'] });
      e = mergeIntoEvent(e, item('b', { days: 1 }), wider).event;
      expect(e.vendors).toEqual(['Dahua', 'Hikvision', 'Huawei', 'ZTE']);
      expect(materialVendors(e)).toEqual(['Huawei', 'ZTE']);
      expect(nextAlert(e)).toBeNull();
      e = mergeIntoEvent(e, item('c', { days: 2 }), wider).event;
      expect(nextAlert(e)).toEqual({ kind: 'vendors', stage: 'in_force', vendors: ['Dahua', 'Hikvision', 'Huawei', 'ZTE'] });
    });
  });

  describe('deriveStage: an event already alerted moves on by a tie only when a stage cue backs the claim', () => {
    // Berlin's data-protection officer asks Apple and Google to delist an app: alerted announced; a
    // day later one more outlet reads the request as an order in force on no stage word ("orders the
    // app removed"), tying the vote. That is one outlet's tense, not the measure moving on.
    const laterClaim = (conf: number, alertFirst = true) => {
      let e = createEvent(item('a', { outlet: 'a.example' }), relevant('announced', { stageConfidence: 0.9 }));
      if (alertFirst) e = alerted(e);
      return mergeIntoEvent(e, item('x', { days: 1, outlet: 'x.example' }), relevant('in_force', { stageConfidence: conf })).event;
    };
    it('stays at the alerted stage on a tie of unbacked tenses', () => {
      expect(laterClaim(0.4).stage).toBe('announced');
    });
    it('moves on when a stage cue backs the claim, or before any alert (a tie goes forward)', () => {
      expect(laterClaim(PRIOR_DAY_CLAIM_CONFIDENCE + 0.1).stage).toBe('in_force');
      expect(laterClaim(0.4, false).stage).toBe('in_force');
    });
  });

  describe('nextAlert: a forward stage passed on an earlier day of the same cycle (passedForwardStage)', () => {
    // One weekly cycle reads a ministry's decision to take Hikvision cameras out of its buildings
    // (two outlets, Monday and Tuesday: "will remove") and, on Thursday, two outlets saying the
    // cameras are gone. Daily cycles would have told both, in order; so does a slow cycle.
    const decidedThenDone = (doneDays = 3, decided = ['a', 'b']) => {
      let e = createEvent(item(decided[0]!, { outlet: `${decided[0]}.example` }), relevant('announced', { stageConfidence: 0.7 }));
      decided.slice(1).forEach((k, i) => (e = mergeIntoEvent(e, item(k, { days: i + 1, outlet: `${k}.example` }), relevant('announced', { stageConfidence: 0.7 })).event));
      for (const k of ['x', 'y']) e = mergeIntoEvent(e, item(k, { days: doneDays, outlet: `${k}.example` }), relevant('in_force', { stageConfidence: 0.9 })).event;
      return e;
    };
    it('alerts the earlier stage first, then the stage reached, each once', () => {
      const e = decidedThenDone();
      expect(e.stage).toBe('in_force');
      expect(nextAlert(e)).toEqual({ kind: 'stage', stage: 'announced', vendors: ['Huawei', 'ZTE'] });
      const after = alerted(e);
      expect(nextAlert(after)).toEqual({ kind: 'stage', stage: 'in_force', vendors: ['Huawei', 'ZTE'] });
      expect(nextAlert(alerted(after))).toBeNull();
    });
    it('does not when the stages were told the same day (one moment in two tenses), or by one outlet before', () => {
      expect(nextAlert(decidedThenDone(0, ['a', 'b']))).toMatchObject({ stage: 'in_force' });
      expect(nextAlert(decidedThenDone(3, ['a']))).toMatchObject({ stage: 'in_force' });
    });
    it('does not when an alert already told that stage', () => {
      let told = alerted(createEvent(item('a', { outlet: 'a.example' }), relevant('announced', { stageConfidence: 0.9 })));
      told = mergeIntoEvent(told, item('b', { days: 1, outlet: 'b.example' }), relevant('announced')).event;
      for (const k of ['x', 'y']) told = mergeIntoEvent(told, item(k, { days: 3, outlet: `${k}.example` }), relevant('in_force', { stageConfidence: 0.9 })).event;
      expect(nextAlert(told)).toMatchObject({ stage: 'in_force' });
    });
  });

  describe('nextAlert: a stage passed on the way to an ending (one cycle reads both)', () => {
    // US, January 2025: the Supreme Court upholds the TikTok ban on Friday; on Monday the new
    // president suspends it. A weekly cycle reads both; subscribers must hear both, in order.
    const upheldThenSuspended = () => {
      let e = createEvent(item('court', { outlet: 'ap.example' }), relevant('in_force', { stageConfidence: 0.9 }));
      e = mergeIntoEvent(e, item('court2', { outlet: 'npr.example' }), relevant('in_force')).event;
      for (const k of ['eo1', 'eo2']) e = mergeIntoEvent(e, item(k, { days: 3, outlet: `${k}.example` }), relevant('lifted')).event;
      return e;
    };
    const send = (e: PolicyEvent) => {
      const mark = nextAlert(e)!;
      return { mark, after: applyAlertMark(e, { ...mark, alertId: alertIdOf(e.eventId, mark), at: e.lastSeen })! };
    };

    it('alerts the passed stage first, then the ending, each once', () => {
      const e = upheldThenSuspended();
      expect(e.stage).toBe('lifted');
      const first = send(e);
      expect(first.mark).toEqual({ kind: 'stage', stage: 'in_force', vendors: ['Huawei', 'ZTE'] });
      const second = send(first.after);
      expect(second.mark).toEqual({ kind: 'stage', stage: 'lifted', vendors: ['Huawei', 'ZTE'] });
      expect(second.after.alertedStages).toEqual(['in_force', 'lifted']);
      expect(nextAlert(second.after)).toBeNull();
    });
    it('alerts only the ending when an alert already told the stage it ends', () => {
      let e = alerted(createEvent(item('court', { outlet: 'ap.example' }), relevant('in_force', { stageConfidence: 0.9 })));
      for (const k of ['eo1', 'eo2']) e = mergeIntoEvent(e, item(k, { days: 3, outlet: `${k}.example` }), relevant('lifted')).event;
      expect(nextAlert(e)).toEqual({ kind: 'stage', stage: 'lifted', vendors: ['Huawei', 'ZTE'] });
    });
    it('alerts a stage one outlet told only when it told it days before the ending', () => {
      // One outlet reads "the White House will extend the deadline this week" as an order in force;
      // the next day everyone reports the extension: that is one step, the ending.
      const oneOutlet = (days: number) => {
        let e = createEvent(item('ko', { outlet: 'ko.example' }), relevant('in_force', { stageConfidence: 0.9 }));
        for (const k of ['eo1', 'eo2']) e = mergeIntoEvent(e, item(k, { days, outlet: `${k}.example` }), relevant('lifted')).event;
        return e;
      };
      expect(nextAlert(oneOutlet(1))).toMatchObject({ stage: 'lifted' });
      expect(nextAlert(oneOutlet(PASSED_STAGE_LEAD_DAYS))).toMatchObject({ stage: 'in_force' });
    });
    it('does not alert the stage when only old news or the ending reports themselves said it', () => {
      let old = createEvent(item('court', { alertable: false }), relevant('in_force', { stageConfidence: 0.9 }));
      for (const k of ['eo1', 'eo2']) old = mergeIntoEvent(old, item(k, { days: 3, outlet: `${k}.example` }), relevant('lifted')).event;
      expect(nextAlert(old)).toMatchObject({ stage: 'lifted' });
      let after = createEvent(item('eo1', { outlet: 'a.example' }), relevant('lifted'));
      after = mergeIntoEvent(after, item('eo2', { days: 1, outlet: 'b.example' }), relevant('lifted')).event;
      after = mergeIntoEvent(after, item('bg', { days: 2, outlet: 'c.example' }), relevant('in_force', { stageConfidence: 0.9 })).event;
      expect(nextAlert(after)).toMatchObject({ stage: 'lifted' });
    });
  });

  describe('nextAlert: a forward stage passed before a later one (one cycle reads both)', () => {
    // A parliament's second chamber passes a bill on Monday and Tuesday's papers say so; on Friday
    // the head of state signs it. A weekly cycle reads both; subscribers hear the vote, then the law.
    const voteThenLaw = (opts: { voteOutlets?: string[]; voteDays?: number[]; official?: boolean } = {}) => {
      const outlets = opts.voteOutlets ?? ['a.example', 'b.example'];
      const voteDays = opts.voteDays ?? [0, 1];
      let e = createEvent(item('vote0', { outlet: outlets[0], days: voteDays[0], official: opts.official }), relevant('proposed', { stageConfidence: 0.8 }));
      for (const [i, o] of outlets.slice(1).entries()) e = mergeIntoEvent(e, item(`vote${i + 1}`, { outlet: o, days: voteDays[i + 1] ?? voteDays[0] }), relevant('proposed', { stageConfidence: 0.8 })).event;
      for (const k of ['law1', 'law2']) e = mergeIntoEvent(e, item(k, { days: 4, outlet: `${k}.example` }), relevant('in_force', { stageConfidence: 0.9 })).event;
      return e;
    };
    const send = (e: PolicyEvent) => {
      const mark = nextAlert(e)!;
      return { mark, after: applyAlertMark(e, { ...mark, alertId: alertIdOf(e.eventId, mark), at: e.lastSeen })! };
    };

    it('alerts the earlier stage two outlets told first, then the later one, each once', () => {
      const e = voteThenLaw();
      expect(e.stage).toBe('in_force');
      const first = send(e);
      expect(first.mark).toMatchObject({ kind: 'stage', stage: 'proposed' });
      const second = send(first.after);
      expect(second.mark).toMatchObject({ kind: 'stage', stage: 'in_force' });
      expect(nextAlert(second.after)).toBeNull();
    });
    it('alerts it on an official source alone', () => {
      expect(nextAlert(voteThenLaw({ voteOutlets: ['gov.example'], official: true }))).toMatchObject({ stage: 'proposed' });
    });
    it('does not alert an earlier stage one outlet told, even days before: a forward tense misread is common', () => {
      expect(nextAlert(voteThenLaw({ voteOutlets: ['a.example'] }))).toMatchObject({ stage: 'in_force' });
    });
    it('does not alert an earlier stage said only alongside the later one (one moment in two tenses)', () => {
      expect(nextAlert(voteThenLaw({ voteDays: [4, 4] }))).toMatchObject({ stage: 'in_force' });
    });
    it('does not alert an earlier stage when a later one was already alerted', () => {
      let e = alerted(createEvent(item('law0', { outlet: 'x.example' }), relevant('announced', { stageConfidence: 0.9 })));
      for (const k of ['v1', 'v2']) e = mergeIntoEvent(e, item(k, { days: 1, outlet: `${k}.example` }), relevant('proposed')).event;
      for (const k of ['l1', 'l2']) e = mergeIntoEvent(e, item(k, { days: 6, outlet: `${k}.example` }), relevant('in_force', { stageConfidence: 0.9 })).event;
      expect(nextAlert(e)).toMatchObject({ stage: 'in_force' });
    });
  });

  describe('alertStateOf', () => {
    it.each([
      ['a new event', createEvent(item('a'), relevant('announced')), 'PENDING'],
      ['an alerted event', alerted(createEvent(item('a'), relevant('announced'))), 'SENT'],
      ['an event of old news', createEvent(item('a', { alertable: false }), relevant('announced')), 'SILENT'],
    ] as Array<[string, PolicyEvent, string]>)('is %s → %s', (_, e, state) => {
      expect(alertStateOf(e)).toBe(state);
    });
  });

  describe('applyAlertMark', () => {
    it('records the alert once and returns null for a repeat', () => {
      const e = createEvent(item('a'), relevant('announced'));
      const mark = nextAlert(e)!;
      const sent = { ...mark, alertId: alertIdOf(e.eventId, mark), at: at(0) };
      const after = applyAlertMark(e, sent)!;
      expect(after).toMatchObject({ alertedStages: ['announced'], alertedVendors: ['Huawei', 'ZTE'], alertState: 'SENT', version: 2 });
      expect(after.alerts).toEqual([sent]);
      expect(applyAlertMark(after, sent)).toBeNull();
    });
    it('keeps the event pending when it moved on while the alert was out', () => {
      const e = createEvent(item('a'), relevant('announced'));
      const mark = nextAlert(e)!;
      const moved = mergeIntoEvent(e, item('b', { days: 30 }), relevant('in_force')).event;
      const after = applyAlertMark(moved, { ...mark, alertId: alertIdOf(e.eventId, mark), at: at(0) })!;
      expect(after).toMatchObject({ alertedStages: ['announced'], stage: 'in_force', alertState: 'PENDING' });
    });
  });

  describe('alertIdOf', () => {
    it('is deterministic per event, kind, stage and vendor set', () => {
      expect(alertIdOf('ev_1', { kind: 'stage', stage: 'announced', vendors: [] })).toBe('ev_1-announced');
      expect(alertIdOf('ev_1', { kind: 'confirmed', stage: 'announced', vendors: [] })).toBe('ev_1-announced-confirmed');
      const v = alertIdOf('ev_1', { kind: 'vendors', stage: 'in_force', vendors: ['ZTE', 'Huawei'] });
      expect(v).toBe(alertIdOf('ev_1', { kind: 'vendors', stage: 'in_force', vendors: ['Huawei', 'ZTE'] }));
      expect(v).toMatch(/^ev_1-vendors-[0-9a-f]{10}$/);
    });
  });

  describe('refreshAlertState', () => {
    it('settles a stale PENDING and leaves a right state alone', () => {
      const e = alerted(createEvent(item('a'), relevant('announced')));
      expect(refreshAlertState({ ...e, alertState: 'PENDING' })).toMatchObject({ alertState: 'SENT' });
      expect(refreshAlertState(e)).toBeNull();
    });
  });

  describe('withoutSource', () => {
    it('drops one source and keeps the stage reached', () => {
      const e = mergeIntoEvent(createEvent(item('a'), relevant('announced')), item('b', { days: 20 }), relevant('in_force')).event;
      const w = withoutSource(e, 'b');
      expect(w.sources.map((s) => s.itemKey)).toEqual(['a']);
      expect(w.stage).toBe('in_force');
    });
  });

  describe('one decision, many outlets (the failure kinds seen on real news)', () => {
    it('makes one event of outlets naming different vendor lists and measures for one decision', () => {
      const us = (vendors: string[], measure: Measure) => relevant('in_force', { countries: ['US'], vendors, measure });
      const events = resolve([
        [item('a', { days: 0 }), us(['Huawei', 'ZTE'], 'market_ban')],
        [item('b', { days: 0 }), us(['Huawei', 'ZTE', 'Hikvision', 'Dahua', 'Hytera'], 'market_ban')],
        [item('c', { days: 1 }), us(['Hikvision', 'Dahua'], 'other_restriction')],
        [item('d', { days: 2 }), us(['Huawei'], 'market_ban')],
      ]);
      expect(events).toHaveLength(1);
      expect(events[0]!.measure).toBe('market_ban');
    });
    it('advances the announced event when the ban takes effect months later instead of opening another', () => {
      const events = resolve([
        [item('a', { days: 0 }), relevant('announced', { countries: ['US'], vendors: ['Kaspersky'], measure: 'market_ban' })],
        [item('b', { days: 2 }), relevant('announced', { countries: ['US'], vendors: ['Kaspersky'], measure: 'market_ban' })],
        [item('c', { days: 101 }), relevant('in_force', { countries: ['US'], vendors: ['Kaspersky'], measure: 'market_ban' })],
      ]);
      expect(events).toHaveLength(1);
      expect(events[0]!.history?.map((h) => h.stage)).toEqual(['announced', 'in_force']);
    });
  });
});
