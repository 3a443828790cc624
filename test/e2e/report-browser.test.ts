/**
 * The report page in a real browser: Debian's Chromium (never a downloaded browser) driven by
 * playwright-core opens the page the demo wrote, from file://, with every request that is not the
 * file itself refused and counted. It checks that Japan is shaded, that filtering by vendor changes
 * the table and the map, that a click on the map filters by country, and saves a screenshot
 * (UPDATE_SCREENSHOT=1 writes docs/report.png). Where Chromium is not installed (.ci/run installs
 * it) the test is skipped, and its title says so.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../../lambdas/local/commands.js';
import { silentLogger } from '../../lambdas/ports.js';

const CHROMIUM = process.env.BANWATCH_CHROMIUM ?? '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const ROOT = resolve(import.meta.dirname, '..', '..');
/** The flags the project runs Chromium with: no sandbox (root in CI), no GPU, nothing phoning home. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const SKIPPED = `skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium, as .ci/run does)`;
const title = (what: string) => (present ? what : `${what} — ${SKIPPED}`);
// Said on stderr too: the default reporter does not print the titles of skipped tests.
if (!present) console.warn(`report page in Chromium: ${SKIPPED}`);

describe('report page in Chromium', () => {
  let work: string;
  let reportPath: string;
  let context: BrowserContext;
  let page: Page;
  const outside: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    if (!present) return;
    work = mkdtempSync(join(tmpdir(), 'banwatch-browser-'));
    const demo = await runDemo({ dataDir: join(work, 'data'), reportPath: join(work, 'report.html'), logger: silentLogger });
    reportPath = demo.reportPath;
    context = await chromium.launchPersistentContext(join(work, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
      viewport: { width: 1400, height: 1500 },
    });
    // The page must need nothing but itself: anything else is refused and counted.
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(reportPath).href) return route.continue();
      outside.push(url);
      return route.abort();
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(pathToFileURL(reportPath).href);
    await page.waitForSelector('#events tbody tr');
  }, 90_000);

  afterAll(async () => {
    await context?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const rows = () => page.locator('#events tbody tr');
  const countOf = (cc: string) => page.getAttribute(`#map path[data-cc="${cc}"]`, 'data-count');

  it.skipIf(!present)(title('opens from file:// with no request beyond the file and no script error, Japan shaded'), async () => {
    expect(outside).toEqual([]);
    expect(errors).toEqual([]);
    expect(Number(await countOf('JP'))).toBeGreaterThanOrEqual(1);
    // The script colours a path through its style attribute; an unshaded one keeps the stylesheet's.
    const jpFill = await page.getAttribute('#map path[data-cc="JP"]', 'style');
    const brFill = await page.getAttribute('#map path[data-cc="BR"]', 'style');
    expect(await countOf('BR')).toBe('0');
    expect(jpFill).toMatch(/fill:/);
    expect(jpFill).not.toBe(brFill);
    expect(await rows().count()).toBe(7);
  });

  it.skipIf(!present)(title('filters the table and the map by vendor, then by a click on a country'), async () => {
    // Act: only Kaspersky.
    await page.selectOption('#f-vendor', 'Kaspersky');

    // Assess: the rows are Kaspersky's; Japan's measure (Huawei, ZTE) no longer shades it.
    const vendors = await rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-vendors')));
    expect(vendors.length).toBeGreaterThan(0);
    expect(vendors.length).toBeLessThan(7);
    for (const v of vendors) expect(v?.split('|')).toContain('Kaspersky');
    expect(await countOf('JP')).toBe('0');
    // "2 of 8 events": the rows shown of all the page holds (the demo's exact total is not the point).
    expect(await page.textContent('#count')).toMatch(new RegExp(`^${vendors.length} of \\d+ events`));

    // A click on Japan (after a reset) keeps Japan's events only.
    await page.click('#f-reset');
    await page.dispatchEvent('#map path[data-cc="JP"]', 'click');
    expect(await page.inputValue('#f-country')).toBe('JP');
    const countries = await rows().evaluateAll((trs) => trs.map((tr) => tr.children[1]?.textContent));
    expect(countries).toEqual(['Japan']);
    await page.click('#f-reset');
  });

  it.skipIf(!present)(title('takes a screenshot of the page'), async () => {
    const shot = join(work, 'report.png');
    // The top of the page (filters, map, timeline, first rows): what the README shows.
    await page.screenshot({ path: shot, clip: { x: 0, y: 0, width: 1400, height: 1500 } });
    expect(existsSync(shot)).toBe(true);
    if (process.env.UPDATE_SCREENSHOT === '1') copyFileSync(shot, join(ROOT, 'docs', 'report.png'));
  });
});
