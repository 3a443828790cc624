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
    it("keeps the language's country where the domain says nothing", () => {
      expect(classify({ ...austrian, link: 'https://www.diepresse.com/6286263/' }).countries).toEqual(['DE']);
    });
    it('never overrides a country the text names', () => {
      expect(classify({ title: 'Deutschland verbietet TikTok auf Diensthandys', summary: '', link: 'https://orf.at/x' }).countries).toEqual(['DE']);
    });
  });
});
