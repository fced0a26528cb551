import { describe, expect, it } from 'vitest';
import { keptSections, replaceSection } from './sections';

describe('benchmark sections', () => {
  it('appends a new section, replaces it in place later, and leaves the rest alone', () => {
    const once = replaceSection('# Benchmarks\n\nmain table\n', 'related', '## A\n1');
    expect(once).toBe('# Benchmarks\n\nmain table\n\n<!-- bench:related -->\n## A\n1\n<!-- /bench:related -->\n');
    const twice = replaceSection(`${once}\nafter\n`, 'related', '## A\n2');
    expect(twice).toContain('## A\n2');
    expect(twice).not.toContain('## A\n1');
    expect(twice.endsWith('\nafter\n')).toBe(true);
  });

  it('finds the sections to keep when the main run rewrites the file', () => {
    const doc = replaceSection(replaceSection('# B\n', 'one', 'x'), 'two', 'y');
    expect(keptSections(doc)).toEqual(['<!-- bench:one -->\nx\n<!-- /bench:one -->', '<!-- bench:two -->\ny\n<!-- /bench:two -->']);
  });
});
