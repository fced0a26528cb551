import { describe, expect, it } from 'vitest';
import { toAuthor } from '../content/authors';
import { buildAuthorProfile, serializeJsonLd } from './json-ld';

/**
 * An author's page in structured data (ADR 0050): Google's profile-page
 * markup, a ProfilePage whose main entity is the Person, with the 肩書き,
 * the profile and the portrait the desk wrote and chose, at the address
 * their articles' `author.url` points to; nothing invented when they have
 * none.
 */

const SITE = 'https://kiji.example';
const row = { slug: 'ito-sayaka', name: '伊東さやか', role: '経済部記者', profile: '', portrait_src: null, portrait_width: null, portrait_height: null };

describe('an author’s ProfilePage', () => {
  it('describes the person with their profile and portrait, by absolute URLs', () => {
    const author = toAuthor({ ...row, profile: '  経済部で金融を担当。\n\n物価を追う。 ', portrait_src: '/media/uploads/2026/12/ito.webp', portrait_width: 800, portrait_height: 1000 });
    expect(buildAuthorProfile(author, SITE)).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      '@id': `${SITE}/authors/ito-sayaka`,
      url: `${SITE}/authors/ito-sayaka`,
      inLanguage: 'ja',
      mainEntity: {
        '@type': 'Person',
        '@id': `${SITE}/authors/ito-sayaka#person`,
        name: '伊東さやか',
        url: `${SITE}/authors/ito-sayaka`,
        jobTitle: '経済部記者',
        description: '経済部で金融を担当。\n\n物価を追う。',
        image: `${SITE}/media/uploads/2026/12/ito.webp`,
        worksFor: { '@id': `${SITE}/#publisher` },
      },
    });
  });

  it('leaves out what the desk has not written or chosen, and the page’s description falls back to the 肩書き', () => {
    const author = toAuthor(row);
    expect(author.description).toBe('経済部記者');
    const person = buildAuthorProfile(author, SITE).mainEntity as Record<string, unknown>;
    expect(Object.keys(person).sort()).toEqual(['@id', '@type', 'jobTitle', 'name', 'url', 'worksFor']);
  });

  it('cannot be broken out of its script element by a profile', () => {
    const author = toAuthor({ ...row, profile: '</script><script>alert(1)</script>' });
    expect(serializeJsonLd(buildAuthorProfile(author, SITE))).not.toContain('</script>');
  });
});
