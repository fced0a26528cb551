import { describe, expect, it } from 'vitest';
import { decideViewVerdict, isBotAgent, isPrefetch } from './filter';

const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';

const headers = (h: Record<string, string>) => new Headers({ 'user-agent': CHROME, ...h });

describe('bot filter', () => {
  it('counts readers’ browsers', () => {
    for (const ua of [CHROME, IPHONE, 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0']) expect(isBotAgent(ua), ua).toBe(false);
  });

  it('drops crawlers, AI fetchers, link previewers and scripts, including ones isbot has missed', () => {
    for (const ua of [
      'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
      'Mozilla/5.0 AppleWebKit/537.36 (KHTML, like Gecko); compatible; ChatGPT-User/1.0; +https://openai.com/bot',
      'Mozilla/5.0 (Linux; Android 5.0) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36 (compatible; Bytespider; spider-feedback@bytedance.com)',
      'facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)',
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125 Safari/537.36 Cotoyogi/4.0',
      'Mozilla/5.0 (compatible; Qwantify/2.4w)',
      'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
      'curl/8.5.0',
      '',
      '   ',
      null,
    ]) {
      expect(isBotAgent(ua), String(ua)).toBe(true);
    }
  });
});

describe('prefetch filter', () => {
  it('recognises every prefetch and prerender header browsers send', () => {
    for (const h of [
      { 'sec-purpose': 'prefetch' } as Record<string, string>,
      { 'sec-purpose': 'prefetch;prerender' },
      { purpose: 'prefetch' },
      { 'x-purpose': 'preview' },
      { 'x-moz': 'prefetch' },
      { 'next-router-prefetch': '1' },
    ]) {
      expect(isPrefetch(new Headers(h)), JSON.stringify(h)).toBe(true);
    }
    expect(isPrefetch(new Headers({ 'sec-fetch-mode': 'no-cors' }))).toBe(false);
  });
});

describe('view verdict', () => {
  it('counts a plain browser view', () => {
    expect(decideViewVerdict(headers({ cookie: 'theme=dark' }))).toBe('count');
  });

  it('names why a view is not counted', () => {
    expect(decideViewVerdict(headers({ 'user-agent': 'Twitterbot/1.0' }))).toBe('bot');
    expect(decideViewVerdict(headers({ 'sec-purpose': 'prefetch' }))).toBe('prefetch');
  });

  it('skips editors by the cookies the newsroom registers', () => {
    const h = headers({ cookie: 'kiji_editor=s3ss10n' });
    expect(decideViewVerdict(h)).toBe('count');
    expect(decideViewVerdict(h, ['kiji_editor'])).toBe('editor');
    // A cookie whose value merely contains the name is not that cookie.
    expect(decideViewVerdict(headers({ cookie: 'x=kiji_editor' }), ['kiji_editor'])).toBe('count');
  });
});

describe('editors', () => {
  it('never counts a browser signed in to the newsroom, over http or https', async () => {
    const { sessionCookieName } = await import('../newsroom/auth');
    for (const secure of [false, true]) {
      const headers = new Headers({ 'user-agent': 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 Safari/604.1', cookie: `${sessionCookieName(secure)}=abc` });
      expect(decideViewVerdict(headers)).toBe('editor');
    }
  });
});
