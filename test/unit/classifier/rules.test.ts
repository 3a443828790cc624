import { describe, expect, it } from 'vitest';
import { classify, compileRules, createClassifier, loadDefaultRules, RuleError } from '../../../lambdas/core/classifier/index.js';
import { LANGUAGES, item } from './helpers.js';

const rules = loadDefaultRules();
const aliasRows = Object.entries(rules.vendors).flatMap(([canonical, aliases]) =>
  [canonical, ...aliases].map((alias) => [canonical, alias] as const));

/** A restriction headline in the alias's script, so every alias is read in a realistic sentence. */
function headlineFor(alias: string): { language: string; title: string } {
  if (/\p{Script=Hangul}/u.test(alias)) return { language: 'ko', title: `정부, 공공기관 조달서 ${alias} 제품 배제 결정` };
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(alias)) return { language: 'ja', title: `日本政府、${alias}製品を政府調達から排除へ` };
  if (/\p{Script=Han}/u.test(alias)) return { language: 'zh', title: `美国政府宣布禁止联邦机构采购${alias}产品` };
  return { language: 'en', title: `Japan bans ${alias} products from government procurement` };
}

/** The top-level alternatives of a regex source (escapes and character classes kept whole). */
function alternatives(src: string): string[] {
  const out: string[] = [];
  let depth = 0, cls = false, cur = '';
  for (let i = 0; i < src.length; i++) {
    const ch = src[i] as string;
    if (ch === '\\') { cur += ch + (src[i + 1] ?? ''); i++; continue; }
    if (cls) { if (ch === ']') cls = false; }
    else if (ch === '[') cls = true;
    else if (ch === '(') depth++;
    else if (ch === ')') depth--;
    else if (ch === '|' && depth === 0) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** Whether an alternative must end in a space: a literal space, or a final group one of whose branches does. */
function endsInSpace(alt: string): boolean {
  const s = alt.replace(/(?:[?*+]|\{\d+(?:,\d*)?\})+\??$/, '');
  if (s.endsWith(' ') && !s.endsWith('\\ ')) return true;
  if (!s.endsWith(')') || s.endsWith('\\)')) return false;
  let depth = 0, open = -1;
  for (let j = s.length - 1; j >= 0; j--) {
    if (s[j - 1] === '\\') continue;
    if (s[j] === ')') depth++;
    else if (s[j] === '(' && --depth === 0) { open = j; break; }
  }
  const inner = s.slice(open + 1, -1);
  if (/^\?(?:=|!|<=|<!)/.test(inner)) return false;
  return alternatives(inner.replace(/^\?:/, '')).some((a) => a !== '' && endsInSpace(a));
}

function deadAlternative(pattern: string): boolean {
  return alternatives(pattern).some((a) => /^(?:['’]|\[['’]+\])/.test(a) || endsInSpace(a));
}

describe('classifier rules', () => {
  describe('loadDefaultRules', () => {
    it('bundles a lexicon for each of the nine languages, the 23 added for issue 12, Albanian, the South Slavic ones, Bulgarian, Catalan and the language-independent one', () => {
      const added = ['ar', 'cs', 'da', 'el', 'et', 'fi', 'he', 'hi', 'hu', 'id', 'lt', 'lv', 'nl', 'no', 'pl', 'ro', 'ru', 'sk', 'sv', 'th', 'tr', 'uk', 'vi', 'sq', 'hr', 'sl', 'bg', 'mk', 'sr', 'ca'];
      expect(Object.keys(rules.lexicons).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'pt', 'xx', 'zh', ...added].sort());
    });

    it.each(Object.entries(rules.lexicons))('gives every %s cue an id prefixed with its language', (code, lexicon) => {
      const ids = lexicon.cues.map((c) => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id.startsWith(`${code}.`)).toBe(true);
    });

    it.each(LANGUAGES)('has restriction, measure, stage, actor and noise cues for %s', (code) => {
      const cues = rules.lexicons[code]!.cues;
      expect(cues.some((c) => c.restrict)).toBe(true);
      expect(cues.some((c) => c.measure)).toBe(true);
      expect(new Set(cues.filter((c) => c.stage).map((c) => c.stage))).toEqual(new Set(['proposed', 'announced', 'in_force', 'lifted', 'rejected']));
      expect(cues.some((c) => c.actor)).toBe(true);
      expect(cues.some((c) => c.noise)).toBe(true);
    });

    it('lets guard cues silence only noise cues that exist', () => {
      const noiseIds = new Set([
        ...Object.values(rules.lexicons).flatMap((l) => l.cues.filter((c) => c.noise).map((c) => c.id)),
        ...rules.vendorPatterns.filter((p) => p.noise).map((p) => p.id),
      ]);
      // …or the noise the decision logic adds itself (classify.ts): a question headline.
      noiseIds.add('noise.question-headline');
      const quelled = Object.values(rules.lexicons).flatMap((l) => l.cues.flatMap((c) => c.quells ?? []));
      expect(quelled.length).toBeGreaterThan(0);
      for (const id of quelled) expect(noiseIds.has(id), id).toBe(true);
    });

    // `answer` (an answer to a measure: a lawsuit, an appeal, a reaction, a statement) says how noise
    // counts after a headline's clause break (classify.ts): on a cue that is not noise it is a mistake.
    it('marks only noise cues as answers to a measure, and has such cues in every lexicon language with a lawsuit cue', () => {
      const cues = [...Object.values(rules.lexicons).flatMap((l) => l.cues), ...rules.vendorPatterns];
      expect(cues.filter((c) => c.answer && !c.noise).map((c) => c.id)).toEqual([]);
      expect(cues.filter((c) => c.answer).length).toBeGreaterThan(90);
      const suing = Object.entries(rules.lexicons).filter(([, l]) => l.cues.some((c) => c.noise && /lawsuit/.test(c.id))).map(([code]) => code);
      const answering = new Set(Object.entries(rules.lexicons).filter(([, l]) => l.cues.some((c) => c.answer)).map(([code]) => code));
      expect(suing.filter((code) => !answering.has(code))).toEqual([]);
    });

    // Word-bounded (latin-script) cues are tried only at word starts and must end at a word end, so an
    // alternative that starts with an apostrophe ("'s lead", after "China") or ends in a space
    // ("drops ", before a word) can never match.
    it.each(Object.entries(rules.lexicons).filter(([, l]) => l.script === 'latin'))('has no dead %s cue alternative (leading apostrophe, trailing space)', (_code, lexicon) => {
      const dead = lexicon.cues.filter((c) => deadAlternative(c.pattern)).map((c) => c.id);
      expect(dead).toEqual([]);
    });

    // A vendor pattern that starts with {V} is tried only at vendor mentions (a sticky regex at each):
    // an alternative of it that starts elsewhere can never match. One that opens with a lookbehind is
    // never anchored and is scanned over every text: the lookbehind goes after {V} or after a literal.
    it('has vendor patterns whose alternatives all start at {V} or none does, none opening with a lookbehind', () => {
      const bad: string[] = [];
      for (const p of rules.vendorPatterns) {
        const alts = alternatives(p.pattern);
        const atMark = alts.map((a) => /^\^?\{V\}/.test(a));
        if (atMark[0] && atMark.some((x) => !x)) bad.push(`${p.id}: an alternative that does not start at {V}`);
        if (alts.some((a) => /^\(\?<[!=]/.test(a))) bad.push(`${p.id}: an alternative opening with a lookbehind`);
      }
      expect(bad).toEqual([]);
    });

    it('returns a fresh copy that callers can extend without touching the defaults', () => {
      const copy = loadDefaultRules();
      copy.vendors['Acme'] = ['Acme Networks'];
      expect(loadDefaultRules().vendors['Acme']).toBeUndefined();
    });
  });

  describe('vendor aliases', () => {
    it.each(aliasRows)('maps %s alias "%s" to its canonical name', (canonical, alias) => {
      const { language, title } = headlineFor(alias);
      const c = classify(item(language, title));
      expect(c.vendors).toContain(canonical);
    });
  });

  describe('compileRules', () => {
    it('accepts every bundled pattern when validating them (cold starts skip the check)', () => {
      // Act + Assess: throws a RuleError naming the rule when a bundled pattern is invalid.
      expect(() => compileRules(loadDefaultRules(), { validate: true })).not.toThrow();
    });
  });

  describe('createClassifier', () => {
    it('recognises a vendor added as data, with no code change', () => {
      const extended = loadDefaultRules();
      extended.vendors['Acme Networks'] = ['Acme', 'アクメ'];
      const classifyWith = createClassifier(extended);
      expect(classifyWith(item('en', 'Germany bans Acme gear from 5G networks')).vendors).toEqual(['Acme Networks']);
      expect(classifyWith(item('ja', '日本政府、アクメ製品を政府調達から排除へ')).vendors).toEqual(['Acme Networks']);
    });

    it('reads a language added as a lexicon file, with no code change', () => {
      const extended = loadDefaultRules();
      extended.lexicons['nl'] = {
        language: 'nl', script: 'latin', stopwords: ['de', 'het', 'een', 'van'], defaultCountry: 'NL',
        cues: [
          { id: 'nl.restrict.verbieden', pattern: 'verbiedt|verboden|verbod', restrict: 2 },
          { id: 'nl.measure.device', pattern: 'werktelefoons?|overheidstelefoons?', measure: 'device_ban', mw: 4 },
          { id: 'nl.stage.in_force', pattern: 'per direct|met onmiddellijke ingang', stage: 'in_force', sw: 4 },
          { id: 'nl.actor', pattern: 'kabinet|regering|ministerie', actor: 1 },
        ],
      };
      extended.countryNames['nl'] = { NL: ['Nederland'] };
      const c = createClassifier(extended)(item('nl', 'Nederland verbiedt TikTok op werktelefoons', 'Het kabinet heeft het verbod per direct ingevoerd.'));
      expect(c).toMatchObject({ relevant: true, countries: ['NL'], vendors: ['TikTok'], measure: 'device_ban', stage: 'in_force' });
    });

    it('reads the product nouns of a demonym naming a vendor\'s origin from the tuning (originNouns), with no code change', () => {
      // Prepare: "роутер" is not among the bundled origin nouns; a copy of the rules lists it as a stem.
      const extended = loadDefaultRules();
      extended.tuning.originNouns?.stems.push('роутер');
      const title = 'Российский роутер Kaspersky запретят продавать в США';
      // Act
      const bundled = createClassifier()(item('ru', title, ''));
      const withNoun = createClassifier(extended)(item('ru', title, ''));
      // Assess: the demonym before the listed noun names the vendor's origin.
      expect(bundled.rules ?? []).not.toContain('country.origin-apposition');
      expect(withNoun.rules ?? []).toContain('country.origin-apposition');
    });

    it('rejects a cue with a capturing group, naming the rule', () => {
      const bad = loadDefaultRules();
      bad.lexicons['en']!.cues.push({ id: 'en.bad.capture', pattern: '(ban)', restrict: 1 });
      expect(() => createClassifier(bad)).toThrow(RuleError);
      expect(() => createClassifier(bad)).toThrow(/en\.bad\.capture/);
    });

    it('rejects duplicate rule ids', () => {
      const bad = loadDefaultRules();
      const first = bad.lexicons['fr']!.cues[0]!;
      bad.lexicons['fr']!.cues.push({ ...first });
      expect(() => createClassifier(bad)).toThrow(/duplicate rule id/);
    });

    it('rejects a vendor pattern without the {V} placeholder', () => {
      const bad = loadDefaultRules();
      bad.vendorPatterns.push({ id: 'vp.bad', pattern: 'sues', noise: 1 });
      expect(() => createClassifier(bad)).toThrow(/no \{V\} placeholder/);
    });
  });
});

describe('bundled rules are compiled in place (speed12)', () => {
  it('createClassifier() reads the bundled tables without changing them', async () => {
    const { bundledRules } = await import('../../../lambdas/core/classifier/rules/index.js');
    const before = JSON.stringify(bundledRules());
    const c = createClassifier();
    for (const { language, title } of [
      { language: 'en', title: 'Germany bans Huawei from its 5G core network' },
      { language: 'fr', title: 'La France exclut Huawei des réseaux 5G' },
      { language: 'ja', title: '日本政府、ファーウェイ製品を政府調達から排除へ' },
      { language: 'ru', title: 'Россия запретила продажу iPhone госслужащим' },
    ]) c(item(language, title));
    expect(JSON.stringify(bundledRules())).toBe(before);
  });
});
