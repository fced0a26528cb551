import { describe, expect, it } from 'vitest';
import { replaceHead, replaceSection } from './sections';

describe('benchmark sections', () => {
  it('appends a new section, replaces it in place later, and leaves the rest alone', () => {
    const once = replaceSection('# Benchmarks\n\nmain table\n', 'related', '## A\n1');
    expect(once).toBe('# Benchmarks\n\nmain table\n\n<!-- bench:related -->\n## A\n1\n<!-- /bench:related -->\n');
    const twice = replaceSection(`${once}\nafter\n`, 'related', '## A\n2');
    expect(twice).toContain('## A\n2');
    expect(twice).not.toContain('## A\n1');
    expect(twice.endsWith('\nafter\n')).toBe(true);
  });

  it('replaces the head and keeps every section and the prose people wrote between them', () => {
    const doc = `# Old head\n\nold figures\n\n${replaceSection(replaceSection('', 'one', 'x'), 'two', 'y').trim()}\n`;
    const withProse = doc.replace('<!-- bench:two -->', '## Written by hand\n\nkept\n\n<!-- bench:two -->');
    const written = replaceHead(withProse, '# New head\n\nnew figures\n');
    expect(written).toBe(withProse.replace('# Old head\n\nold figures', '# New head\n\nnew figures'));
    expect(written).toContain('## Written by hand\n\nkept\n\n<!-- bench:two -->\ny\n<!-- /bench:two -->');
    expect(replaceHead('# Only a head\n', '# New\n\n')).toBe('# New\n');
  });
});
