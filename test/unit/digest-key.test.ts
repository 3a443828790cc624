import { describe, expect, it } from 'vitest';
import { digestKey, filterOfPolicy, parseDigestKey } from '../../lambdas/core/digest-key.js';

describe('digest-key', () => {
  describe('digestKey and parseDigestKey', () => {
    it('gives one canonical key per filter, whatever the order it was typed in, and reads it back', () => {
      const a = digestKey({ vendors: ['ZTE', 'Huawei'], countries: ['JP'] });
      const b = digestKey({ countries: ['JP'], vendors: ['Huawei', 'ZTE'] });
      expect(a).toBe('countries=JP;vendors=Huawei,ZTE');
      expect(b).toBe(a);
      expect(digestKey(null)).toBe('all');
      expect(digestKey({})).toBe('all');
      expect(parseDigestKey(a)).toEqual({ countries: ['JP'], vendors: ['Huawei', 'ZTE'] });
      expect(parseDigestKey('all')).toBeNull();
      expect(() => parseDigestKey('colour=red')).toThrow(/not a digest key/);
    });
  });

  describe('filterOfPolicy', () => {
    it('maps SNS attribute names to the event filter', () => {
      expect(filterOfPolicy({ countries: ['JP'], measure: ['device_ban'], stage: ['in_force'] })).toEqual({ countries: ['JP'], measures: ['device_ban'], stages: ['in_force'] });
      expect(filterOfPolicy(null)).toEqual({});
    });
  });
});
