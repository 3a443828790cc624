import { describe, expect, it } from 'vitest';
import { isBlockedAddress } from '../../lambdas/adapters/http-fetcher.js';

describe('adapters/http-fetcher', () => {
  describe('isBlockedAddress', () => {
    it.each([
      ['127.0.0.1', 'IPv4 loopback'],
      ['127.255.255.254', 'IPv4 loopback range'],
      ['10.0.0.1', 'RFC 1918 10/8'],
      ['172.16.0.1', 'RFC 1918 172.16/12 low end'],
      ['172.31.255.255', 'RFC 1918 172.16/12 high end'],
      ['192.168.1.1', 'RFC 1918 192.168/16'],
      ['169.254.169.254', 'cloud metadata (link-local)'],
      ['169.254.0.1', 'link-local'],
      ['100.64.0.1', 'CGNAT low end'],
      ['100.127.255.255', 'CGNAT high end'],
      ['0.0.0.0', 'unspecified'],
      ['0.1.2.3', '0/8 this network'],
      ['224.0.0.1', 'multicast'],
      ['239.255.255.250', 'multicast (SSDP)'],
      ['240.0.0.1', 'reserved 240/4'],
      ['255.255.255.255', 'broadcast'],
      ['192.0.2.1', 'TEST-NET-1'],
      ['198.18.0.1', 'benchmarking'],
      ['::1', 'IPv6 loopback'],
      ['::', 'IPv6 unspecified'],
      ['0:0:0:0:0:0:0:1', 'IPv6 loopback, long form'],
      ['fe80::1', 'IPv6 link-local'],
      ['fe80::1%eth0', 'IPv6 link-local with zone'],
      ['febf:ffff::1', 'IPv6 link-local high end'],
      ['fc00::1', 'unique local fc00::/7'],
      ['fd12:3456:789a::1', 'unique local fd'],
      ['ff02::1', 'IPv6 multicast'],
      ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
      ['::ffff:7f00:1', 'IPv4-mapped loopback, hex form'],
      ['::ffff:10.1.2.3', 'IPv4-mapped private'],
      ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
      ['0:0:0:0:0:ffff:192.168.0.1', 'IPv4-mapped, long form'],
      ['::127.0.0.1', 'deprecated IPv4-compatible'],
      ['64:ff9b::7f00:1', 'NAT64 of loopback'],
      ['2002:7f00:1::', '6to4 of loopback'],
      ['2001:db8::1', 'documentation'],
      ['[::1]', 'bracketed URL form'],
      ['not-an-ip', 'garbage (fail closed)'],
      ['1.2.3', 'short IPv4 (fail closed)'],
      ['256.1.1.1', 'out-of-range IPv4 (fail closed)'],
      ['1::2::3', 'double :: (fail closed)'],
    ])('blocks %s (%s)', (ip) => {
      // Prepare/Act
      const blocked = isBlockedAddress(ip);
      // Assess
      expect(blocked).toBe(true);
    });

    it.each([
      ['8.8.8.8', 'public IPv4'],
      ['93.184.216.34', 'public IPv4'],
      ['172.15.255.255', 'just below 172.16/12'],
      ['172.32.0.1', 'just above 172.16/12'],
      ['100.63.255.255', 'just below CGNAT'],
      ['100.128.0.1', 'just above CGNAT'],
      ['169.253.1.1', 'just below link-local'],
      ['11.0.0.1', 'just above 10/8'],
      ['223.255.255.255', 'just below multicast'],
      ['2606:4700:4700::1111', 'public IPv6'],
      ['2001:4860:4860::8888', 'public IPv6'],
      ['::ffff:8.8.8.8', 'IPv4-mapped public'],
      ['2002:0808:0808::1', '6to4 of a public address'],
    ])('allows %s (%s)', (ip) => {
      // Prepare/Act
      const blocked = isBlockedAddress(ip);
      // Assess
      expect(blocked).toBe(false);
    });
  });
});
