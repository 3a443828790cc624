import { describe, expect, it } from 'vitest';
import { resolveCountry, resolveMeasure, resolveStage, resolveVendor } from '../../lambdas/core/names.js';

describe('names', () => {
  describe('resolveCountry', () => {
    it.each([
      ['JP', 'JP'], ['jp', 'JP'], ['Japan', 'JP'], ['japan', 'JP'], ['JPN', 'JP'], ['UK', 'GB'], ['United Kingdom', 'GB'],
      ['Britain', 'GB'], ['United States', 'US'], ['USA', 'US'], ['South Korea', 'KR'], ['Korea', 'KR'], ['EU', 'EU'], ['European Union', 'EU'],
      ['Czechia', 'CZ'], ['The Netherlands', 'NL'], ['Taiwan', 'TW'],
    ])('%s → %s', (input, code) => {
      expect(resolveCountry(input)).toBe(code);
    });

    it('refuses an unknown country with the nearest name', () => {
      expect(() => resolveCountry('Jpan')).toThrow(/unknown country "Jpan"; did you mean Japan \(JP\)\?/);
      expect(() => resolveCountry('Germnay')).toThrow(/did you mean Germany \(DE\)\?/);
      expect(() => resolveCountry('Atlantis and beyond')).toThrow(/^unknown country "Atlantis and beyond" \(give an ISO/);
    });
  });

  describe('resolveVendor', () => {
    it.each([
      ['huawei', 'Huawei'], ['HUAWEI', 'Huawei'], ['華為', 'Huawei'], ['ByteDance', 'TikTok'], ['bytedance', 'TikTok'], ['tik tok', 'TikTok'], ['Kaspersky Lab', 'Kaspersky'],
    ])('%s → %s', (input, canonical) => {
      expect(resolveVendor(input)).toBe(canonical);
    });

    it('refuses an unknown vendor with the nearest one, or the list of known ones', () => {
      expect(() => resolveVendor('Hauwei')).toThrow(/did you mean Huawei\?/);
      expect(() => resolveVendor('Kaspersy')).toThrow(/did you mean Kaspersky\?/);
      expect(() => resolveVendor('Globex')).toThrow(/unknown vendor "Globex"; banwatch knows Huawei, ZTE, /);
    });
  });

  describe('resolveMeasure and resolveStage', () => {
    it('read words and any case, and refuse the rest with the accepted values', () => {
      expect(resolveMeasure('Procurement exclusion')).toBe('procurement_exclusion');
      expect(resolveMeasure('device-ban')).toBe('device_ban');
      expect(resolveStage('In force')).toBe('in_force');
      expect(() => resolveStage('enforced')).toThrow(/unknown stage "enforced".*one of: proposed, announced, in_force, lifted, rejected/);
      expect(() => resolveMeasure('ban')).toThrow(/unknown measure "ban"/);
    });
  });
});
