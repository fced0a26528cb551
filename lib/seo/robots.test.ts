import { describe, expect, it } from 'vitest';
import { formatRobotsTxt } from './robots';

describe('robots.txt', () => {
  it('opens the site, closes the newsroom, previews and API, and names the sitemaps', () => {
    expect(formatRobotsTxt(['https://kiji.example/sitemap.xml', 'https://kiji.example/sitemaps/news.xml'])).toBe(
      [
        'User-Agent: *',
        'Allow: /',
        'Disallow: /newsroom',
        'Disallow: /preview',
        'Disallow: /api/',
        '',
        'Sitemap: https://kiji.example/sitemap.xml',
        'Sitemap: https://kiji.example/sitemaps/news.xml',
        '',
      ].join('\n'),
    );
  });
});
