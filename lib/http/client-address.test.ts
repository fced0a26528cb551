import { describe, expect, it } from 'vitest';
import { readClientAddress, readTrustedProxyHops, toClientSubject } from './client-address';

describe('readClientAddress', () => {
  it('takes the socket peer (the last entry, which Next.js appends) without a trusted proxy, whatever the client wrote', () => {
    expect(readClientAddress('6.6.6.6, 203.0.113.7', 0)).toBe('203.0.113.7');
    expect(readClientAddress('6.6.6.6, 7.7.7.7, 203.0.113.7', 0)).toBe('203.0.113.7');
  });

  it('takes the address the outermost of N trusted proxies saw: N entries before the peer', () => {
    // Behind nginx: the client wrote 6.6.6.6, nginx appended 203.0.113.7, Next.js appended nginx (127.0.0.1).
    expect(readClientAddress('6.6.6.6, 203.0.113.7, 127.0.0.1', 1)).toBe('203.0.113.7');
    expect(readClientAddress('6.6.6.6, 203.0.113.7, 10.0.0.2, 10.0.0.3', 2)).toBe('203.0.113.7');
    expect(readClientAddress('203.0.113.7', 3)).toBe('203.0.113.7');
  });

  it('spells one client one way, and has nothing for an empty header', () => {
    expect(readClientAddress('::ffff:198.51.100.4', 0)).toBe('198.51.100.4');
    expect(readClientAddress('2001:DB8::1', 0)).toBe('2001:db8::1');
    expect(readClientAddress(null, 0)).toBeNull();
    expect(readClientAddress(' , ', 1)).toBeNull();
  });
});

describe('toClientSubject', () => {
  it('counts IPv6 by /64 and IPv4 by address', () => {
    expect(toClientSubject('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(toClientSubject('2001:db8:1:2:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(toClientSubject('2001:DB8:0001:0002::ffff')).toBe('2001:db8:1:2::/64');
    expect(toClientSubject('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(toClientSubject('198.51.100.7')).toBe('198.51.100.7');
  });
});

describe('readTrustedProxyHops', () => {
  it('reads KIJI_TRUSTED_PROXY_HOPS, 0 when unset, and refuses what is not 0 to 5', () => {
    expect(readTrustedProxyHops({ KIJI_TRUSTED_PROXY_HOPS: '2' })).toBe(2);
    expect(readTrustedProxyHops({})).toBe(0);
    expect(readTrustedProxyHops({ KIJI_TRUSTED_PROXY_HOPS: '' })).toBe(0);
    expect(() => readTrustedProxyHops({ KIJI_TRUSTED_PROXY_HOPS: '9' })).toThrow(/KIJI_TRUSTED_PROXY_HOPS/);
    expect(() => readTrustedProxyHops({ KIJI_TRUSTED_PROXY_HOPS: 'two' })).toThrow(/KIJI_TRUSTED_PROXY_HOPS/);
  });
});
