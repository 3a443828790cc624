/**
 * The shape of classifier rules. Rules are data (JSON under ./rules); this file only types them.
 * Every rule carries an `id` that the classification cites in `rules` and that tests iterate over.
 */
import type { Measure, Stage } from '../model.js';

/** Canonical vendor name → aliases (same shape as the shared eval vendors.json). */
export type VendorTable = Record<string, string[]>;

/** What a vendor is, for priors: where it comes from and what a measure against it usually is. */
export interface VendorMeta {
  /** ISO country of origin: that country is rarely the one acting against it. */
  origin?: string | null;
  /** Measure assumed when the text names a restriction but no measure cue fires. */
  defaultMeasure?: Measure;
  /**
   * The usual measure when a given state acts (ISO code → measure), where it differs from
   * defaultMeasure: the US restricts Huawei by export controls, other states keep it out of 5G.
   */
  measureBy?: Record<string, Measure>;
  /**
   * Regular-expression source: when the text names it, measureBy does not apply — an agency of the
   * acting state whose instruments are other ones (the FCC's are network and market measures).
   */
  measureByUnless?: string;
  /**
   * Regular-expression source for what, right after one of the vendor's names, makes the mention
   * something else: a longer word ("애플리케이션" is "application", not Apple) or the vendor as the
   * venue of someone else's measure ("Apple and Google app stores"). Such mentions are not the vendor.
   */
  notBefore?: string;
}

/**
 * One cue of a lexicon. `pattern` is a regular-expression source (no capturing groups: use `(?:…)`),
 * matched case-insensitively unless `cs` is set, on word boundaries for alphabetic scripts and as a
 * plain substring for CJK lexicons. A cue can feed several decisions at once.
 */
export interface Cue {
  id: string;
  pattern: string;
  /** Case-sensitive match (proper names, acronyms). */
  cs?: boolean;
  /** Weight as a restriction cue (ban, exclude, prohibit…): the heart of relevance. */
  restrict?: number;
  /** Measure this cue points to, with weight `mw` (default 1). */
  measure?: Measure;
  mw?: number;
  /** Stage this cue points to, with weight `sw` (default 1). */
  stage?: Stage;
  sw?: number;
  /**
   * The stage cue is unambiguous ("court blocks", "lifted the ban", "decided not to"): it can make
   * stageConfidence high. Default: true from weight 5 (`sw`), false below.
   */
  sure?: boolean;
  /**
   * The stage cue reports a formal instrument issued: signed, enacted, published, ordered, directed,
   * put on a list, a licence revoked. LABELS.md: such a rule is in force even when its restriction
   * starts later, so `timing` cues of the same item stop voting (see classify.ts, decideStage).
   */
  issued?: boolean;
  /**
   * The stage cue only dates the restriction ("by April 1", "from July 20", "within 30 days", "will
   * take effect", "gives … 30 days"): announced on its own (a decision with a future deadline), silent
   * next to an `issued` cue.
   */
  timing?: boolean;
  /**
   * A future form of the restriction verb in a headline ("US to ban Kaspersky sales"): announced on its
   * own, but next to an `issued` cue it only says the restriction starts later, like `timing`. Unlike
   * `timing` it does not make a dated plan proposed (stage.planned-dated).
   */
  futureForm?: boolean;
  /**
   * The stage cue only says a decision was taken or announced ("decided to", "the decision",
   * "announced"): announced on its own; next to a headline that reports the restriction in the
   * present tense and no dating or future cue, the decision is the measure taken (in force).
   */
  decided?: boolean;
  /**
   * An announced cue that is only the ban verb's own future, with no date ("will be blocked", "to
   * ban", 将禁止): next to a headline reporting the ban as done it is the announcement's tense, not
   * a later start (classify.ts, stage.decided-in-effect).
   */
  bareFuture?: boolean;
  /**
   * A restriction cue that is the verb's passive form ("is banned", "to be blocked from", "interdits
   * d'utiliser", "vietato in"): a vendor named before it is its object, not its subject ("TikTok to be
   * banned on all parliamentary devices"), and the headline names no organisation acting on its own
   * staff (classify.ts, a headline without a lead).
   */
  passive?: boolean;
  /** A state actor is involved (government, ministry, regulator, law, decree…). */
  actor?: number;
  /** Evidence against relevance (company news, lawsuits, sport…), with its weight. */
  noise?: number;
  /** Noise weight factor outside the headline (default tuning.bodyNoiseFactor): body noise is often background. */
  bodyFactor?: number;
  /**
   * The noise tells an answer to a measure (a lawsuit, an appeal, a reaction, a statement), not another
   * story such as its impact: in a headline clause after the one reporting the measure ("X bans TikTok;
   * TikTok vows to sue") it weighs as the lead's at most and the clause counts once (classify.ts).
   */
  answer?: boolean;
  /** Why the noise cue argues against relevance, for evidence. */
  reason?: string;
  /**
   * The noise holds only when a targeted vendor comes from this country (ISO alpha-2): "中方坚决反对"
   * is the targeted country's reaction when the vendor is Chinese, but the acting government's own
   * statement when China restricts Nvidia or Micron.
   */
  homeOf?: string;
  /**
   * The noise says the measure is only background to the story ("… still use TikTok despite the ban",
   * "trotz Verbot im Einsatz"). A rejection in the same text outweighs it: a government declining to
   * act despite other countries' bans is the news (the stage vote decides, this noise is dropped).
   */
  background?: boolean;
  /**
   * Vendors named in the same sentence as this cue are bystanders (customers, beneficiaries, rivals),
   * not targets.
   */
  bystander?: boolean;
  /**
   * The vendors this cue's match covers are named as a precedent, the subject of an earlier measure
   * ("in addition to TikTok", "after banning … Huawei", "joined Huawei on the list"): not targets of
   * this one, unless named again elsewhere. Unlike `bystander` it leaves the rest of the sentence alone.
   */
  precedent?: boolean;
  /**
   * A device_ban cue that names the kind of product ("drones", "installed") but not whose devices: it
   * votes for device_ban, yet does not by itself show an official scope (see classify.ts, measure).
   * On a market_ban cue: the blocking names no scope of its own ("blocks access to"): it votes for
   * market_ban, yet does not overrule an official scope the headline names ("…on staff computers").
   */
  scopeless?: boolean;
  /**
   * An export_control cue that names only the goods ("chips", "semiconductors", 半导体), not an
   * instrument: goods cross a border both ways, so when the acting state is not the targets' home and
   * its usual measure against them is not an export control, the goods are its imports and the cue
   * says nothing about exports ("China bans Nvidia chips in state data centres"; see classify.ts).
   */
  goods?: boolean;
  /**
   * A measure cue that names the instrument only generically — a list ("blacklist", "lista negra",
   * "military companies list") or a bare "sanctions": which list or sanction (the entity list, the
   * investment ban, the Pentagon's 1260H list) depends on who lists whom, so when the acting state
   * has a usual instrument against the targets (vendor-meta measureBy), or every target's usual
   * measure is one of those instruments, the cue votes for that instead (classify.ts, measureVote).
   */
  generic?: boolean;
  /**
   * A measure cue that names the product ("equipment", "оборудование", "ekipman"), not what is done to
   * it: it votes for its measure unless a market-scope cue (sale, import: market_ban, mw ≥ 2) in the
   * same sentence says the product is kept off the market ("bans the sale of Huawei equipment";
   * classify.ts, cueVotes).
   */
  product?: boolean;
  /**
   * A measure cue that names the deciding agency, not the instrument ("Commerce Department": the entity
   * list, but also the app orders and the ICTS sale bans): when every target's usual measure is a
   * market ban (apps, consumer software), the vote goes there (classify.ts, measureVote).
   */
  agency?: boolean;
  /**
   * The cue names phones or handsets: a network-equipment maker's phones banned in public bodies are a
   * device ban, its equipment kept out of them a procurement exclusion (classify.ts, measureVote).
   */
  handset?: boolean;
  /**
   * The cue names a body whose bans reach only what it runs — a ministry other than a market
   * regulator, the armed forces, the police, a city or municipality, a university: when it stands
   * just before a restriction in the same sentence (it decides the ban: "Interior ministry weighs
   * TikTok ban", "Innenministerium verbietet TikTok"), the ban's scope is official, whatever the
   * app's usual market prior says (classify.ts, cueVotes: an official scope, not an instrument vote).
   */
  ownReach?: boolean;
  /**
   * The cue names a company that decides for itself, a telecom operator ("Telefónica", "KPN",
   * "ソフトバンク", "SK텔레콤"): opening a headline as the subject of its restriction verb, it makes the
   * restriction the company's own commercial choice, not a state measure (classify.ts, firmChooses).
   */
  firm?: boolean;
  /**
   * The cue names a market regulator — the FCC, Roskomnadzor, Pakistan's PTA, Indonesia's Kominfo: what
   * it bans, lists or finds a risk is kept off the market (equipment authorisations, the covered list,
   * licences to operate, app blocks), not out of public bodies' purchases or devices, nor an export or
   * a sanction. Named in the headline, it moves such a reading to market_ban (classify.ts, measureVote);
   * network exclusion (rip-and-replace) and other restrictions stay.
   */
  marketReach?: boolean;
  /** A country reference (ISO alpha-2 or EU): name, demonym+government, metonym or agency. */
  country?: string;
  /**
   * Other countries with an institution of the same name ("NCSC": the UK's, Ireland's, New
   * Zealand's National Cyber Security Centre): when the outlet's own domain is one of theirs
   * (classify.ts outletCountry), the reference is that country's.
   */
  sharedBy?: string[];
  /**
   * For a cue that covers many countries at once ("<demonym> government"): country code → regex of
   * the words in the match that name it (e.g. {"SE": "Swedish"}).
   */
  countryMap?: Record<string, string>;
  /**
   * Shares the countryMap of another cue of the same lexicon (its id); "{D}" in the pattern stands for
   * the alternation of that map's words ("{D} ban" → "Swedish ban"), so the demonyms are written once.
   */
  countryMapOf?: string;
  /** How strongly the reference says "this jurisdiction acts" (agency 3, metonym 2.5, name 2…). */
  cw?: number;
  /** Noise cue ids this cue silences: a court upholding a ban is a story about a lawsuit by nature. */
  quells?: string[];
  /** Never dropped for lying inside a longer cue (guards such as "court rejects appeal against ban"). */
  keep?: boolean;
  /**
   * A reported-speech or reaction word of a headline ("says", "opposes", "称", "大使"). Right after the
   * targeted vendor's home country ("China says…", "中国商务部称…") it makes the item that country's
   * reaction, not a measure: 'says' when another country is named in the headline too, 'reaction'
   * (diplomats, protest verbs) always. 'urges' (urges, presses, calls on, demands): read as 'says' there,
   * and a state that urges another state named right after it to restrict is pressing it (classify.ts,
   * pressesAnotherState).
   */
  speech?: 'says' | 'reaction' | 'urges';
  /** Marks following/preceding country mentions as not acting ("following X's lead", "to X"). */
  nonActing?: 'before' | 'after';
  /**
   * An "after" word that closes a list: it qualifies every mention of the list it ends, not only the
   * one right before it ("इटली, ताइवान के बाद", "미국, 캐나다에 이어": after Italy and Taiwan). Not for
   * origin words ("米国、中国製": only China is the origin).
   */
  nonActingList?: boolean;
  /**
   * An "after" word that makes the country it qualifies the origin of products or firms ("Russia-based
   * apps", "China-made drones"): that country counts as an origin, like the targeted vendors' home, and
   * does not act even when no other country is named.
   */
  originWord?: boolean;
}

/** Per-language lexicon file (rules/lang/<code>.json). */
export interface Lexicon {
  language: string;
  /** "latin" languages match on word boundaries; "cjk" ones by substring. */
  script: 'latin' | 'cjk';
  /**
   * Verb-final (SOV) language: the headline's restriction word is not its main verb, so headline
   * words after it are not subordinate context (Japanese, Korean).
   */
  verbFinal?: boolean;
  /** Frequent function words used to guess the language of unlabelled Latin-script text. */
  stopwords?: string[];
  /** Country assumed when a government is named without a country (e.g. 政府 in Japanese news). */
  defaultCountry?: string | null;
  /**
   * The genitive ending a country name takes in this language ("s": de "Österreichs Regierung",
   * "die Behörden Deutschlands", sv "Sveriges regering"): each country name also counts with it, unless
   * the name already ends in that letter or in a sibilant.
   */
  nameGenitive?: string;
  cues: Cue[];
}

/**
 * Cues that must name a vendor, written with the placeholder {V} (any vendor mention), e.g.
 * "{V} (?:sues|launches)"; "^" anchors at the start of the headline.
 */
export interface VendorPattern {
  id: string;
  pattern: string;
  noise?: number;
  reason?: string;
  /** Also counts as a cue for this stage (e.g. "allows {V}" → rejected). */
  stage?: Stage;
  sw?: number;
  restrict?: number;
  bodyFactor?: number;
  /** An answer to a measure (see Cue.answer). */
  answer?: boolean;
  /** The vendors the match covers are a precedent, not targets (see Cue.precedent). */
  precedent?: boolean;
}

/** Thresholds and weights of the decision logic: data, so they can be tuned without code. */
export interface Tuning {
  relevanceThreshold: number;
  titleFactor: number;
  govFeedBonus: number;
  feedCountryWeight: number;
  /** Noise outside the headline counts this much (a headline says what the story is about). */
  bodyNoiseFactor: number;
  /** Vote for each targeted vendor's usual measure (vendor-meta.json), so weak cues do not decide alone. */
  vendorMeasurePrior: number;
  /** Headline noise after the headline's restriction verb ("… after unrest over arrest") counts this much. */
  trailingTitleNoiseFactor: number;
  /** Noise for a headline that is a question (speculation or explainer); default 3. */
  questionHeadlineNoise?: number;
  /**
   * Stage votes of the lead count this much when the headline has a stage cue of its own (the
   * headline says what happened); cues of weight ≥ strongStageWeight keep full weight. Default 1.
   */
  bodyStageFactor?: number;
  /** Proposed/announced/in-force votes below this total are too weak to decide: the default applies. */
  minStageScore?: number;
  /** Stage weight from which a lead cue is strong enough to overrule the headline; default 4. */
  strongStageWeight?: number;
  /** Noise for a headline in which the targeted vendor's home country speaks or reacts; default 5. */
  originReactionNoise?: number;
  /** Noise for a restriction the lead reports only for a state the headline does not name; default 3. */
  leadElsewhereNoise?: number;
  /** Noise for a headline in which one state comments on another state's measure (commentsOnOthersMeasure); default 4. */
  thirdCommentNoise?: number;
  /** Noise for a headline in which one state urges another to restrict (pressesAnotherState); default 4. */
  pressOthersNoise?: number;
  /** Noise for a headline in which a telecom operator restricts a vendor itself (firmChooses); default 4. */
  firmChoiceNoise?: number;
  /**
   * Score added when an item has no lead (a news aggregator's headline) and a jurisdiction is the
   * subject of the headline's restriction verb; default 0.5.
   */
  headlineOnlyBonus?: number;
  /**
   * A headline without a lead that names no state (no country, no actor) is relevant when its score
   * reaches the threshold plus this margin and no noise argues against it; default 0.
   */
  headlineAloneMargin?: number;
  /**
   * The score from which a headline without a lead that reports a restriction of a named vendor, with
   * no noise against it, is relevant, with or without a state named (it has no lead to add measure,
   * actor and country cues); default relevanceThreshold + headlineAloneMargin.
   */
  headlineAloneThreshold?: number;
  /**
   * The acting state of a measure whose instrument only one state uses in the labelled news, when
   * the item names no acting country (measure → ISO code, e.g. export_control → US).
   */
  measureActingPrior?: Partial<Record<Measure, string>>;
  /** The vendor's usual measure when the acting state's (vendor-meta measureBy) weighs this many times the usual prior; default 1. */
  actingMeasurePriorFactor?: number;
  /**
   * Product and company nouns after which a demonym before a vendor's name names the vendor's origin,
   * not who acts ("Российский антивирус «Касперского»", "Chinese telecom giant Huawei"), in
   * alphabetic scripts (classify.ts demonymOfVendor). Regex fragments, matched case-insensitively
   * as the whole word after the demonym (a "\p{L}+-" prefix allowed): `stems` begin the word
   * ("compan" → company, companies), `compoundEnds` stand anywhere in it ("hersteller" →
   * Handyhersteller), `words` are the whole word. None: no such test.
   */
  originNouns?: { stems: string[]; compoundEnds: string[]; words: string[] };
}

export interface Rules {
  vendors: VendorTable;
  vendorMeta: Record<string, VendorMeta>;
  /** Lexicons by language code; "xx" is the language-independent one and always runs. */
  lexicons: Record<string, Lexicon>;
  vendorPatterns: VendorPattern[];
  /** Country names per language (generated from i18n-iso-countries): lang → code → names. */
  countryNames: Record<string, Record<string, string[]>>;
  tuning: Tuning;
}
