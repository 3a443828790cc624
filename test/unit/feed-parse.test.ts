import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../lambdas/core/errors.js';
import { canonicalLink, itemKeyOf, parseFeed, parseFeedDate, sanitiseXml } from '../../lambdas/core/feed/parse.js';

const fetchedAt = new Date('2025-01-01T00:00:00Z');
const ctx = { feedId: 'test-feed', fetchedAt };

const rss = (items: string, channelExtra = ''): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Test feed</title><link>https://news.example.com/</link>${channelExtra}${items}</channel></rss>`;

async function parseError(text: string): Promise<FeedParseError> {
  try {
    await parseFeed(text, ctx);
  } catch (err) {
    expect(err).toBeInstanceOf(FeedParseError);
    return err as FeedParseError;
  }
  throw new Error('expected parseFeed to throw');
}

describe('core/feed/parse', () => {
  describe('parseFeed', () => {
    describe('formats', () => {
      it('normalises an RSS 2.0 item', async () => {
        // Prepare
        const text = rss(`<item>
          <title>Japan excludes Huawei from procurement</title>
          <link>https://news.example.com/a?utm_source=rss&amp;id=7</link>
          <guid isPermaLink="false">abc-1</guid>
          <pubDate>Mon, 10 Jun 2024 10:00:00 GMT</pubDate>
          <description>&lt;p&gt;The &lt;b&gt;ministry&lt;/b&gt; said.&lt;/p&gt;</description>
        </item>`);
        // Act
        const feed = await parseFeed(text, { ...ctx, language: 'en' });
        // Assess
        expect(feed.title).toBe('Test feed');
        expect(feed.items).toEqual([
          {
            itemKey: itemKeyOf({ feedId: 'test-feed', guid: 'abc-1' }),
            feedId: 'test-feed',
            guid: 'abc-1',
            link: 'https://news.example.com/a?id=7',
            title: 'Japan excludes Huawei from procurement',
            summary: 'The ministry said.',
            published: '2024-06-10T10:00:00.000Z',
            language: 'en',
            fetchedAt: '2025-01-01T00:00:00.000Z',
          },
        ]);
      });

      it("keeps the outlet's site a Google News item names in <source url>, and nothing else as one", async () => {
        // Prepare
        const text = rss(`<item>
          <title>Regierung verbietet TikTok auf Diensthandys - ORF</title>
          <link>https://news.google.com/rss/articles/CBMiX2h0?oc=5</link>
          <source url="https://www.orf.at/stories/">ORF</source>
        </item><item>
          <title>No url</title><link>https://news.example.com/b</link><source>Plain text source</source>
        </item><item>
          <title>Not a web url</title><link>https://news.example.com/c</link><source url="javascript:alert(1)">X</source>
        </item><item>
          <title>Not a url</title><link>https://news.example.com/d</link><source url="orf dot at">X</source>
        </item>`);
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items.map((i) => i.outletSite ?? null)).toEqual(['https://www.orf.at', null, null, null]);
        expect(feed.items.filter((i) => 'outletSite' in i)).toHaveLength(1);
      });

      it('normalises an Atom 1.0 entry, preferring <published> and the alternate link', async () => {
        // Prepare
        const text = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
  <title>Ministry newsroom</title>
  <link rel="self" href="https://gov.example/feed.atom"/>
  <entry>
    <id>tag:gov.example,2024:press-17</id>
    <title>Ban on ZTE equipment</title>
    <link rel="self" href="https://gov.example/api/17"/>
    <link rel="alternate" href="https://gov.example/press/17"/>
    <published>2024-05-01T09:00:00+02:00</published>
    <updated>2024-05-02T00:00:00Z</updated>
    <summary>Short.</summary>
    <content type="html">&lt;p&gt;The full text of the press release.&lt;/p&gt;</content>
  </entry>
</feed>`;
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.title).toBe('Ministry newsroom');
        expect(feed.items).toHaveLength(1);
        expect(feed.items[0]).toMatchObject({
          guid: 'tag:gov.example,2024:press-17',
          link: 'https://gov.example/press/17',
          title: 'Ban on ZTE equipment',
          summary: 'The full text of the press release.',
          published: '2024-05-01T07:00:00.000Z',
        });
      });

      it('normalises an RSS 1.0 / RDF item with dc:date and dc:language', async () => {
        // Prepare
        const text = `<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://www.example.go.jp/"><title>Press</title><link>https://www.example.go.jp/</link><dc:language>ja</dc:language></channel>
  <item rdf:about="https://www.example.go.jp/press/1.html">
    <title>Notice</title>
    <link>https://www.example.go.jp/press/1.html</link>
    <description>Details.</description>
    <dc:date>2024-06-01T09:00:00+09:00</dc:date>
  </item>
</rdf:RDF>`;
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items).toEqual([
          expect.objectContaining({
            guid: null,
            link: 'https://www.example.go.jp/press/1.html',
            title: 'Notice',
            summary: 'Details.',
            published: '2024-06-01T00:00:00.000Z',
          }),
        ]);
      });

      it('accepts <rss> without a version attribute as RSS 2.0', async () => {
        // Prepare
        const text = '<rss><channel><title>t</title><item><title>x</title><guid>1</guid></item></channel></rss>';
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items.map((i) => i.title)).toEqual(['x']);
      });

      it('returns an empty item list for a valid feed without items', async () => {
        // Prepare/Act
        const feed = await parseFeed(rss(''), ctx);
        // Assess
        expect(feed).toEqual({ title: 'Test feed', items: [] });
      });

      it('prefers ctx.language, then the item, then the feed language (primary subtag)', async () => {
        // Prepare
        const text = rss('<item><title>a</title><guid>1</guid></item><item><title>b</title><guid>2</guid><dc:language>de-AT</dc:language></item>', '<language>ja-JP</language>');
        // Act
        const own = await parseFeed(text, ctx);
        const configured = await parseFeed(text, { ...ctx, language: 'fr' });
        // Assess
        expect(own.items.map((i) => i.language)).toEqual(['ja', 'de']);
        expect(configured.items.map((i) => i.language)).toEqual(['fr', 'fr']);
      });

      it('resolves relative item links against the feed link', async () => {
        // Prepare
        const text = rss('<item><title>a</title><link>/news/1</link></item>');
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.link).toBe('https://news.example.com/news/1');
      });

      it('uses a permalink guid as the link when <link> is missing', async () => {
        // Prepare
        const text = rss('<item><title>a</title><guid>https://news.example.com/p/9</guid></item>');
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.link).toBe('https://news.example.com/p/9');
      });
    });

    describe('sanitising real-world feeds', () => {
      it('escapes bare ampersands ("AT&T") in text and in link query strings', async () => {
        // Prepare
        const text = rss('<item><title>AT&T and T-Mobile & others</title><link>https://news.example.com/a?x=1&y=2</link></item>');
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.title).toBe('AT&T and T-Mobile & others');
        expect(feed.items[0]!.link).toBe('https://news.example.com/a?x=1&y=2');
      });

      it('turns HTML named entities (&nbsp; &eacute; &mdash;) into characters', async () => {
        // Prepare
        const text = rss('<item><title>March&eacute;&nbsp;public &mdash; Huawei&hellip;</title><guid>1</guid></item>');
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.title).toBe('Marché public \u2014 Huawei\u2026');
      });

      it('keeps unknown entity names as literal text instead of failing', async () => {
        // Prepare
        const text = rss('<item><title>Q&amp;A &madeup; end</title><guid>1</guid></item>');
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.title).toBe('Q&A &madeup; end');
      });

      it('replaces numeric references to characters XML forbids', async () => {
        // Prepare
        const text = rss('<item><title>bad&#1;ref &#x41;</title><guid>1</guid></item>');
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.title).toBe('bad\ufffdref A');
      });

      it('decodes Atom type="html" titles that come back escaped into plain text', async () => {
        // Prepare
        const text = `<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">Gov &amp;amp; Co</title>
          <entry><id>1</id><title type="html">AT&amp;amp;T &lt;em&gt;excluded&lt;/em&gt; &amp;quot;now&amp;quot;</title></entry></feed>`;
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.title).toBe('Gov & Co');
        expect(feed.items[0]!.title).toBe('AT&T excluded "now"');
      });

      it('leaves CDATA content alone (no entity rewriting inside it)', async () => {
        // Prepare
        const text = rss('<item><title><![CDATA[A & B &nbsp; <b>bold</b>]]></title><guid>1</guid></item>');
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.title).toBe('A & B bold');
      });

      it('keeps the word order of Atom type="xhtml" content (mixed content)', async () => {
        // Prepare
        const text = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id><title>a</title>
          <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Rules under the <abbr>TSA</abbr> apply &amp; bind.</p></div></content></entry></feed>`;
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.summary).toBe('Rules under the TSA apply & bind.');
      });

      it('keeps the word order of raw HTML elements inside an RSS description', async () => {
        // Prepare
        const text = rss('<item><guid>1</guid><title>a</title><description><p>Ban on <b>Huawei</b> gear & <i>ZTE</i> phones</p></description></item>');
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.summary).toBe('Ban on Huawei gear & ZTE phones');
      });

      it('strips a leading BOM, whitespace and control characters', async () => {
        // Prepare
        const text = `\ufeff\n  ${rss('<item><title>a\u0001b\u000bc</title><guid>1</guid></item>')}`;
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.title).toBe('abc');
      });
    });

    describe('DTDs and entity attacks', () => {
      it('never reads an external entity (XXE): the reference stays literal text', async () => {
        // Prepare
        const text = `<?xml version="1.0"?>
<!DOCTYPE rss [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<rss version="2.0"><channel><title>t</title><item><title>x &xxe; y</title><guid>1</guid></item></channel></rss>`;
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.title).toBe('x &xxe; y');
        expect(JSON.stringify(feed)).not.toContain('root:');
      });

      it('does not expand a billion-laughs entity chain and returns promptly', async () => {
        // Prepare
        const defs = ['<!ENTITY lol "lol">'];
        for (let i = 1; i <= 9; i++) defs.push(`<!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
        const text = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 ${defs.join('\n ')}
]>
<rss version="2.0"><channel><title>&lol9;</title><item><title>&lol9;</title><guid>1</guid></item></channel></rss>`;
        const started = Date.now();
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(Date.now() - started).toBeLessThan(1_000);
        expect(feed.title).toBe('&lol9;');
        expect(feed.items[0]!.title).toBe('&lol9;');
      });

      it('strips a DOCTYPE whose internal subset contains ">" and quotes', async () => {
        // Prepare
        const text = `<!DOCTYPE rss PUBLIC "-//x//y" "http://x/y.dtd" [ <!ENTITY a "x>y"> <!ATTLIST item q CDATA "]>"> ]><rss version="2.0"><channel><title>t</title><item><title>ok</title><guid>1</guid></item></channel></rss>`;
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.title).toBe('ok');
      });

      it.each([
        ['300k unclosed <title> tags', `<rss version="2.0"><channel>${'<title>x<b>'.repeat(300_000)}`],
        ['300k unterminated attributes', `<rss version="2.0"><channel>${'<title x="1" '.repeat(300_000)}`],
        ['300k nested DOCTYPEs', `<!DOCTYPE a [${'<!DOCTYPE '.repeat(300_000)}`],
        ['300k CDATA openers', `<rss version="2.0"><channel><title>${'<![CDATA['.repeat(300_000)}`],
      ])('fails fast on pathological input (%s)', async (_name, text) => {
        // Prepare
        const started = Date.now();
        // Act
        const err = await parseError(text);
        // Assess
        expect(['PARSE_MALFORMED', 'PARSE_NOT_A_FEED']).toContain(err.code);
        // Linear work on these 3 MB takes well under a second; a quadratic path takes minutes. The
        // bound is loose so that a loaded CI machine never fails it (speed itself: npm run bench).
        expect(Date.now() - started).toBeLessThan(10_000);
      }, 20_000);

      it('sanitiseXml removes the DOCTYPE entirely', () => {
        // Prepare/Act
        const out = sanitiseXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "v">]><x>&e;</x>');
        // Assess
        expect(out).toBe('<?xml version="1.0"?><x>&amp;e;</x>');
      });
    });

    describe('not a feed', () => {
      it.each([
        ['an empty body', '', 'PARSE_NOT_A_FEED', /empty/],
        ['whitespace only', '  \n ', 'PARSE_NOT_A_FEED', /empty/],
        ['an HTML page', '<!DOCTYPE html><html><head><title>x</title></head><body><p>hi<br></body></html>', 'PARSE_NOT_A_FEED', /HTML/],
        ['XHTML', '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>', 'PARSE_NOT_A_FEED', /HTML/],
        ['JSON', '{"items":[]}', 'PARSE_NOT_A_FEED', /JSON/],
        ['plain text', 'Service unavailable', 'PARSE_NOT_A_FEED', /XML element/],
        ['another XML document', '<?xml version="1.0"?><sitemap/>', 'PARSE_NOT_A_FEED', /<sitemap>/],
        ['truncated XML', '<rss version="2.0"><channel><title>x</title><item><title>a', 'PARSE_MALFORMED', /malformed/],
        ['RSS without a channel', '<rss version="2.0"></rss>', 'PARSE_MALFORMED', /missing <channel>/],
        ['mismatched tags', '<rss version="2.0"><channel><title>x</channel></rss>', 'PARSE_MALFORMED', /malformed/],
      ])('throws FeedParseError for %s', async (_name, text, code, message) => {
        // Prepare/Act
        const err = await parseError(text);
        // Assess
        expect(err.code).toBe(code);
        expect(err.message).toMatch(message);
        expect(err.message).toContain('test-feed');
        expect(err.message).not.toContain('\n');
      });
    });

    describe('bounds', () => {
      it('truncates titles to 1,000 and summaries to 20,000 characters', async () => {
        // Prepare
        const text = rss(`<item><guid>1</guid><title>${'T'.repeat(5_000)}</title><description>${'word '.repeat(100_000)}</description></item>`);
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.title).toHaveLength(1_000);
        expect(feed.items[0]!.title.endsWith('\u2026')).toBe(true);
        expect(feed.items[0]!.summary).toHaveLength(20_000);
      });

      it('prefers the richest of content:encoded / description', async () => {
        // Prepare
        const text = rss(`<item><guid>1</guid><title>a</title><description>Teaser.</description>
          <content:encoded><![CDATA[<p>The whole story, <script>alert(1)</script>with details.</p>]]></content:encoded></item>`);
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.summary).toBe('The whole story, with details.');
      });

      it('borrows the start of the summary as title when an item has none', async () => {
        // Prepare
        const text = rss(`<item><guid>1</guid><description>${'x'.repeat(500)}</description></item>`);
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.title).toHaveLength(200);
      });

      it('drops an empty item that has nothing to show or key on', async () => {
        // Prepare/Act
        const feed = await parseFeed(rss('<item></item><item><title>x</title></item>'), ctx);
        // Assess
        expect(feed.items.map((i) => i.title)).toEqual(['x']);
      });

      it('keeps only the newest maxItems (default 500), in document order', async () => {
        // Prepare: 600 items in shuffled date order.
        const day = (i: number): string => new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 600) * 3_600_000).toUTCString();
        const items = Array.from({ length: 600 }, (_, i) => `<item><guid>g${i}</guid><title>t${i}</title><pubDate>${day(i)}</pubDate></item>`);
        // Act
        const feed = await parseFeed(rss(items.join('')), ctx);
        const small = await parseFeed(rss(items.join('')), { ...ctx, maxItems: 3 });
        // Assess
        expect(feed.items).toHaveLength(500);
        const oldestKept = Math.min(...feed.items.map((i) => Date.parse(i.published!)));
        expect(oldestKept).toBe(Date.UTC(2024, 0, 1) + 100 * 3_600_000);
        const order = feed.items.map((i) => Number(i.guid!.slice(1)));
        expect(order).toEqual([...order].sort((a, b) => a - b));
        expect(small.items.map((i) => i.published)).toEqual(
          expect.arrayContaining(['2024-01-25T23:00:00.000Z', '2024-01-25T22:00:00.000Z', '2024-01-25T21:00:00.000Z']),
        );
      });

      it('collapses repeated guids within a feed to the first item', async () => {
        // Prepare
        const text = rss('<item><guid>same</guid><title>first</title></item><item><guid>same</guid><title>second</title></item><item><guid>other</guid><title>third</title></item>');
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items.map((i) => i.title)).toEqual(['first', 'third']);
      });

      it('collapses items without guid that share a canonical link', async () => {
        // Prepare
        const text = rss('<item><title>a</title><link>https://x.example/p?utm_source=a</link></item><item><title>b</title><link>https://x.example/p#top</link></item>');
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items.map((i) => i.title)).toEqual(['a']);
      });
    });

    describe('dates', () => {
      it('sets published to null when the date is invalid (RSS and Atom)', async () => {
        // Prepare
        const text = rss('<item><guid>1</guid><title>a</title><pubDate>not a date</pubDate></item>');
        const atom = '<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>1</id><title>a</title><published>garbage</published></entry></feed>';
        // Act
        const a = await parseFeed(text, ctx);
        const b = await parseFeed(atom, ctx);
        // Assess
        expect(a.items[0]!.published).toBeNull();
        expect(b.items[0]!.published).toBeNull();
      });

      it('clamps future dates to fetchedAt', async () => {
        // Prepare
        const text = rss('<item><guid>1</guid><title>a</title><pubDate>Sat, 01 Jan 2033 00:00:00 GMT</pubDate></item>');
        // Act
        const feed = await parseFeed(text, ctx);
        // Assess
        expect(feed.items[0]!.published).toBe('2025-01-01T00:00:00.000Z');
      });

      it.each([
        ['Mon, 10 Jun 2024 10:00:00 GMT', '2024-06-10T10:00:00.000Z'],
        ['Mon, 10 Jun 2024 19:00:00 +0900', '2024-06-10T10:00:00.000Z'],
        ['Mon, 10 Jun 2024 19:00:00 JST', '2024-06-10T10:00:00.000Z'],
        ['Mon, 10 Jun 2024 10:00:00', '2024-06-10T10:00:00.000Z'],
        ['2024-06-10T12:00:00+02:00', '2024-06-10T10:00:00.000Z'],
        ['2024-06-10 10:00:00', '2024-06-10T10:00:00.000Z'],
        ['2024-06-10', '2024-06-10T00:00:00.000Z'],
        ['0001-01-01T00:00:00Z', null],
        ['', null],
        ['soon', null],
      ])('parseFeedDate reads %j as %s (zone-less means UTC)', (raw, iso) => {
        // Prepare/Act
        const t = parseFeedDate(raw);
        // Assess
        expect(t === null ? null : new Date(t).toISOString()).toBe(iso);
      });
    });
  });

  describe('canonicalLink', () => {
    it.each([
      ['HTTPS://News.Example.COM/Path?b=2&a=1#frag', 'https://news.example.com/Path?a=1&b=2'],
      ['http://example.com:80/a', 'http://example.com/a'],
      ['https://example.com:443/a', 'https://example.com/a'],
      ['https://example.com:8443/a', 'https://example.com:8443/a'],
      ['https://example.com/a?utm_source=x&utm_medium=y&UTM_Campaign=z', 'https://example.com/a'],
      ['https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&ocid=5&cmpid=6&ref=7&ref_src=8&ito=9&id=10', 'https://example.com/a?id=10'],
      ['https://example.com/a?q=hello%20world&a=%2F', 'https://example.com/a?a=%2F&q=hello%20world'],
      ['  https://example.com/a  ', 'https://example.com/a'],
      ['ftp://example.com/a', null],
      ['javascript:alert(1)', null],
      ['mailto:x@example.com', null],
      ['/relative/only', null],
      ['', null],
      [null, null],
    ])('canonicalises %j to %j', (input, expected) => {
      // Prepare/Act
      const out = canonicalLink(input);
      // Assess
      expect(out).toBe(expected);
    });

    it('resolves a relative link against a base', () => {
      // Prepare/Act
      const out = canonicalLink('../b?utm_source=x', 'https://example.com/a/c/');
      // Assess
      expect(out).toBe('https://example.com/a/b');
    });
  });

  describe('itemKeyOf', () => {
    const sha = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 32);

    it('hashes the guid scoped to the feed when there is one', () => {
      // Prepare/Act
      const key = itemKeyOf({ feedId: 'f1', guid: ' g-1 ', link: 'https://x.example/a', title: 't' });
      // Assess
      expect(key).toBe(sha('guid:f1:g-1'));
      expect(key).not.toBe(itemKeyOf({ feedId: 'f2', guid: 'g-1' }));
    });

    it('falls back to the canonical link when there is no guid', () => {
      // Prepare/Act
      const key = itemKeyOf({ feedId: 'f1', guid: null, link: 'HTTPS://X.example/a?utm_source=1#x', title: 't' });
      // Assess
      expect(key).toBe(sha('link:https://x.example/a'));
      expect(key).toBe(itemKeyOf({ feedId: 'f2', link: 'https://x.example/a' }));
    });

    it('falls back to title and date when there is neither guid nor http(s) link', () => {
      // Prepare/Act
      const key = itemKeyOf({ feedId: 'f1', guid: '', link: 'ftp://x', title: 'Headline', published: '2024-06-10T10:00:00.000Z' });
      // Assess
      expect(key).toBe(sha('title:Headline|2024-06-10T10:00:00.000Z'));
    });

    it('gives the same key to the same item parsed twice', async () => {
      // Prepare
      const text = rss('<item><title>a</title><pubDate>Mon, 10 Jun 2024 10:00:00 GMT</pubDate></item>');
      // Act
      const one = await parseFeed(text, ctx);
      const two = await parseFeed(text, { ...ctx, fetchedAt: new Date('2026-01-01T00:00:00Z') });
      // Assess
      expect(one.items[0]!.itemKey).toBe(two.items[0]!.itemKey);
      expect(one.items[0]!.itemKey).toMatch(/^[0-9a-f]{32}$/);
    });
  });
});
