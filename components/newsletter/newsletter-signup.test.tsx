import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CONSENT_WORDINGS, CURRENT_CONSENT_VERSION } from '@/lib/newsletter/consent';
import { NewsletterSignup } from './newsletter-signup';

describe('NewsletterSignup', () => {
  it.each(['sidebar', 'article', 'page'] as const)('(%s) says where to read how the address is handled, right under the form', (placement) => {
    const html = renderToStaticMarkup(<NewsletterSignup placement={placement} />);
    expect(html).toMatch(
      /<\/form><p data-testid="newsletter-privacy-note" class="[^"]*text-xs[^"]*">メールアドレスの取り扱い:<a [^>]*href="\/privacy#newsletter">プライバシーポリシー<\/a><\/p>/,
    );
  });

  it('keeps the note apart from the consent wording, which is recorded with each signup as shown', () => {
    const html = renderToStaticMarkup(<NewsletterSignup placement="page" />);
    const consent = html.match(/<p id="[^"]+-consent"[^>]*>(.*?)<\/p>/)?.[1];
    expect(consent).toBe(CONSENT_WORDINGS[CURRENT_CONSENT_VERSION]);
  });
});
