import { describe, expect, it } from 'vitest';
import { findScriptSources } from './client-js';

describe('findScriptSources', () => {
  it('lists the scripts a modern browser loads, once each, skipping noModule polyfills', () => {
    const html =
      '<script src="/_next/a.js" async=""></script><script>inline()</script>' +
      '<script src="/_next/polyfill.js" noModule=""></script><script src="/_next/b.js?x=1&amp;y=2"></script><script src="/_next/a.js"></script>';
    expect(findScriptSources(html)).toEqual(['/_next/a.js', '/_next/b.js?x=1&y=2']);
  });
});
