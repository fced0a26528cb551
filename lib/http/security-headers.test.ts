import { describe, expect, it } from 'vitest';
import { nextConfig } from '../../next.config';
import { UNAVAILABLE_PAGE_HTML } from './unavailable-page';
import { previewLinkRefusal } from '../preview/refusal-page';
import { toYouTubePlayerSrc } from '../text/embeds';
import { FORWARDED_HTTPS, buildContentSecurityPolicy, buildSecurityHeaders } from './security-headers';

/** The policy as a map of directive → sources, as a browser reads it. */
function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('buildSecurityHeaders', () => {
  const http = buildSecurityHeaders({ https: false });
  const https = buildSecurityHeaders({ https: true });

  it('sends HSTS and upgrades subresources only over https', () => {
    expect(http['Strict-Transport-Security']).toBeUndefined();
    expect(parsePolicy(http['Content-Security-Policy']!).has('upgrade-insecure-requests')).toBe(false);
    expect(https['Strict-Transport-Security']).toMatch(/^max-age=(\d+)$/);
    expect(Number(/max-age=(\d+)/.exec(https['Strict-Transport-Security']!)![1])).toBeGreaterThanOrEqual(31_536_000);
    expect(parsePolicy(https['Content-Security-Policy']!).get('upgrade-insecure-requests')).toEqual([]);
  });

  it('is otherwise the same set over http and https', () => {
    const { 'Strict-Transport-Security': _hsts, 'Content-Security-Policy': httpsCsp, ...rest } = https;
    const { 'Content-Security-Policy': httpCsp, ...httpRest } = http;
    expect(rest).toEqual(httpRest);
    expect(httpsCsp).toBe(`${httpCsp}; upgrade-insecure-requests`);
  });

  it('refuses MIME sniffing, framing, and powerful features; keeps article paths out of referrers', () => {
    expect(http['X-Content-Type-Options']).toBe('nosniff');
    expect(http['X-Frame-Options']).toBe('DENY');
    expect(http['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment']) expect(http['Permissions-Policy']).toContain(`${feature}=()`);
    expect(http['Cross-Origin-Opener-Policy']).toBe('same-origin');
  });
});

describe('buildContentSecurityPolicy', () => {
  const policy = parsePolicy(buildContentSecurityPolicy({ https: false }));

  it('runs only our own scripts and inline ones (cached pages cannot carry a nonce), never evaluated strings', () => {
    expect(policy.get('script-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    for (const [name, sources] of policy) {
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain('*');
      if (name !== 'img-src') expect(sources, name).not.toContain('https:');
    }
  });

  it('allows no plugin, worker, <base>, foreign form target or framer, and no frame but the YouTube player a reader starts', () => {
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-src')).toEqual(['https://www.youtube-nocookie.com']);
    expect(toYouTubePlayerSrc({ id: 'kiji-demo01' }).startsWith(`${policy.get('frame-src')![0]}/`)).toBe(true);
    expect(policy.get('worker-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('talks only to our own origin, and draws our images and any https picture an article names', () => {
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'https:']);
  });

  it('takes stylesheets from our origin and style attributes, not <style> elements', () => {
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
  });

  it('covers the pages Kiji writes by hand: no <style> element the policy would refuse', async () => {
    expect(UNAVAILABLE_PAGE_HTML).not.toMatch(/<style/i);
    for (const reason of ['malformed', 'expired', 'revoked'] as const) expect(await previewLinkRefusal(reason).text()).not.toMatch(/<style/i);
  });
});

describe('next.config.ts', () => {
  it('sends the set on every path, and the https set, which overrides it, when the proxy says https', async () => {
    const rules = (await nextConfig.headers!()).filter((rule) => rule.source === '/:path*');
    const asRecord = (rule: (typeof rules)[number]) => Object.fromEntries(rule.headers.map((h) => [h.key, h.value]));
    expect(rules).toHaveLength(2);
    expect(rules[0]!.has).toBeUndefined();
    expect(asRecord(rules[0]!)).toEqual(buildSecurityHeaders({ https: false }));
    expect(rules[1]!.has).toEqual([FORWARDED_HTTPS]);
    expect(asRecord(rules[1]!)).toEqual(buildSecurityHeaders({ https: true }));
  });
});
