import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../lambdas/core/errors.js';
import { defaultDataDir, errorLine, filterOf, hasData, parseConfidence, parseInstant, parseWhen, requireData, resolveWhen } from '../../lambdas/local/cli-shared.js';

const NOW = new Date('2026-11-26T00:00:00Z');

describe('cli-shared', () => {
  describe('parseWhen and resolveWhen', () => {
    it.each([
      ['24h', '2026-11-25T00:00:00.000Z'],
      ['7d', '2026-11-19T00:00:00.000Z'],
      ['2w', '2026-11-12T00:00:00.000Z'],
      ['90m', '2026-11-25T22:30:00.000Z'],
      ['2026-11-01', '2026-11-01T00:00:00.000Z'],
      ['2026-11-01T09:30', '2026-11-01T09:30:00.000Z'],
      ['2026-11-01T09:30:00+09:00', '2026-11-01T00:30:00.000Z'],
    ])('reads %s', (input, iso) => {
      expect(resolveWhen(parseWhen(input), NOW)).toBe(iso);
    });

    it.each(['Nov 5', 'yesterday', '5', '2026/11/01', '7 days', ''])('refuses %j with the accepted forms', (input) => {
      // Date.parse("Nov 5") is 5 November 2001: a filter that silently meant that would show everything.
      expect(() => parseWhen(input)).toThrow(/expected a duration such as 24h, 7d or 2w, or an ISO date/);
    });

    it('--now takes dates only', () => {
      expect(parseInstant('2026-11-26').toISOString()).toBe('2026-11-26T00:00:00.000Z');
      expect(() => parseInstant('7d')).toThrow(/ISO 8601/);
    });
  });

  describe('parseConfidence', () => {
    it('reads 0.7, 70% and 70; refuses the rest', () => {
      expect(parseConfidence('0.7')).toBe(0.7);
      expect(parseConfidence('70%')).toBe(0.7);
      expect(parseConfidence('70')).toBe(0.7);
      expect(() => parseConfidence('high')).toThrow(/confidence from 0 to 1/);
      expect(() => parseConfidence('170%')).toThrow(/confidence from 0 to 1/);
    });
  });

  describe('filterOf', () => {
    it('resolves names and durations into one filter', () => {
      expect(filterOf({ country: ['Japan', 'uk'], vendor: ['huawei'], stage: ['in force'], since: parseWhen('7d'), minConfidence: 0.8 }, NOW)).toEqual({
        countries: ['JP', 'GB'],
        vendors: ['Huawei'],
        stages: ['in_force'],
        since: '2026-11-19T00:00:00.000Z',
        minConfidence: 0.8,
      });
    });
  });

  describe('defaultDataDir', () => {
    it('uses $BANWATCH_DATA, else a per-user directory that does not depend on the working directory', () => {
      expect(defaultDataDir({ BANWATCH_DATA: '/srv/banwatch' })).toBe('/srv/banwatch');
      const d = defaultDataDir({});
      expect(d).toMatch(/banwatch$/);
      expect(d.startsWith('/')).toBe(true);
      expect(d).not.toBe(join(process.cwd(), '.banwatch'));
    });
  });

  describe('requireData', () => {
    const root = mkdtempSync(join(tmpdir(), 'banwatch-req-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('refuses a directory without banwatch data, creating nothing', () => {
      const typo = join(root, 'typo');
      expect(() => requireData(typo)).toThrow(ConfigError);
      expect(() => requireData(typo)).toThrow(/there is no banwatch data in .*typo/);
      expect(hasData(typo)).toBe(false);
      expect(() => requireData('/proc/nope')).toThrow(/NO_DATA|no banwatch data/);
      mkdirSync(join(root, 'empty'));
      expect(() => requireData(join(root, 'empty'))).toThrow(/no banwatch data/);
    });

    it('accepts a directory holding a database or an outbox', () => {
      mkdirSync(join(root, 'db-only', 'db'), { recursive: true });
      mkdirSync(join(root, 'outbox-only', 'outbox'), { recursive: true });
      writeFileSync(join(root, 'outbox-only', 'outbox', 'alerts.jsonl'), '');
      expect(requireData(join(root, 'db-only'))).toBe(join(root, 'db-only'));
      expect(requireData(join(root, 'outbox-only'))).toBe(join(root, 'outbox-only'));
    });
  });

  describe('errorLine', () => {
    it('maps AWS credential errors to a hint', () => {
      const e = Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' });
      expect(errorLine(e)).toMatch(/^banwatch: error: no AWS credentials found: set AWS_PROFILE, or run `aws configure`.* \[AWS_CREDENTIALS\]$/);
      const expired = Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredTokenException' });
      expect(errorLine(expired)).toMatch(/have expired.*\[AWS_CREDENTIALS\]$/);
    });

    it('says "a bug" only for what is not one of ours', () => {
      expect(errorLine(new ConfigError('CONFIG_USAGE', 'bad flag'))).toBe('banwatch: error: bad flag [CONFIG_USAGE]');
      expect(errorLine(new TypeError('x is undefined'))).toMatch(/this is a bug in banwatch.*\[INTERNAL\]$/);
    });
  });
});
