import { describe, expect, it } from 'vitest';
import { classify } from '../../../lambdas/core/classifier/index.js';
import { outletCountry } from '../../../lambdas/core/classifier/classify.js';

describe('core/classifier (the outlet\'s country)', () => {
  describe('outletCountry', () => {
    it.each([
      ['https://orf.at/stories/3316000/', 'de', 'AT'],
      ['https://www.hln.be/binnenland/tiktok', 'nl', 'BE'],
      ['https://www.bbc.co.uk/news/uk-politics', 'en', 'GB'],
      ['https://www.spiegel.de/netzwelt/', 'de', 'DE'],
      ['https://www.diepresse.com/6286263/', 'de', null],
      ['https://news.google.com/rss/articles/abc', 'de', null],
      // One lexicon reads Croatian, Bosnian and Serbian Latin: the domain tells whose government it is.
      ['https://www.b92.net/info/vesti', 'hr', null],
      ['https://www.rts.rs/lat/vesti', 'hr', 'RS'],
      ['https://www.klix.ba/vijesti/bih', 'hr', 'BA'],
      ['https://www.index.hr/vijesti', 'hr', 'HR'],
      ['https://www.rts.rs/vesti', 'sr', 'RS'],
      ['https://www.vilaweb.cat/noticies', 'ca', null],
      ['https://www.ara.ad/andorra', 'ca', 'AD'],
      ['https://www.klix.ba/vijesti/bih', 'sl', null],
      ['https://orf.at/stories/3316000/', 'fr', null],
      ['https://startup.io/tiktok', 'en', null],
      ['not a url', 'de', null],
    ] as Array<[string, string, string | null]>)('%s read as %s → %s', (link, lang, expected) => {
      expect(outletCountry(link, lang)).toBe(expected);
    });
  });

  describe('classify', () => {
    const austrian = {
      title: 'TikTok auf Diensthandys künftig verboten',
      summary: 'Die Nutzung von TikTok auf Diensthandys im Bereich des Bundes wird untersagt. Das sagte Innenminister Gerhard Karner am Mittwoch vor dem Ministerrat.',
    };
    it("takes the outlet's country for a government named without a country", () => {
      expect(classify({ ...austrian, link: 'https://orf.at/stories/3316000/' })).toMatchObject({ relevant: true, countries: ['AT'] });
      expect(classify({ ...austrian, link: 'https://orf.at/stories/3316000/' }).rules).toContain('de.outlet-country');
    });
    it("takes the country of the site a Google News item's <source url> names behind its redirect link", () => {
      const google = { ...austrian, title: `${austrian.title} - ORF`, link: 'https://news.google.com/rss/articles/CBMi?oc=5' };
      expect(classify(google).countries).toEqual(['DE']);
      expect(classify({ ...google, outletSite: 'https://orf.at' })).toMatchObject({ relevant: true, countries: ['AT'] });
      // The link's own domain, when it has one, comes first.
      expect(classify({ ...austrian, link: 'https://www.nzz.ch/x', outletSite: 'https://orf.at' }).countries).toEqual(['CH']);
    });
    it("keeps the language's country where the domain says nothing", () => {
      expect(classify({ ...austrian, link: 'https://www.diepresse.com/6286263/' }).countries).toEqual(['DE']);
    });
    it("reads a Croatian/Serbian Latin 'the government bans' as the outlet's country (one lexicon, three states)", () => {
      const item = { title: 'Vlada zabranila TikTok na službenim telefonima', summary: 'Odluka se odnosi na sve državne službenike.', feed: { kind: 'news' as const, language: 'hr' } };
      expect(classify({ ...item, link: 'https://www.rts.rs/lat/vesti/1' }).countries).toEqual(['RS']);
      expect(classify({ ...item, link: 'https://www.klix.ba/vijesti/1' }).countries).toEqual(['BA']);
      expect(classify({ ...item, link: 'https://www.jutarnji.hr/vijesti/1' }).countries).toEqual(['HR']);
    });
    it('never overrides a country the text names', () => {
      expect(classify({ title: 'Deutschland verbietet TikTok auf Diensthandys', summary: '', link: 'https://orf.at/x' }).countries).toEqual(['DE']);
    });
  });
});
