import { describe, expect, it } from 'vitest';
import { compareParagraph, compareRevisions, compareText, toWords, type DiffRow } from './revision-diff';

/** A row as a line of text: [-removed-] and {+added+}, the way a reviewer would write it by hand. */
function show(rows: DiffRow[]): string[] {
  return rows.map((r) => {
    if (r.kind === 'skip') return `…${r.count}`;
    if (r.kind === 'same') return r.text;
    if (r.kind !== 'changed') return r.kind === 'del' ? `[-${r.text}-]` : `{+${r.text}+}`;
    return r.pieces.map((p) => (p.kind === 'same' ? p.text : p.kind === 'del' ? `[-${p.text}-]` : `{+${p.text}+}`)).join('');
  });
}

describe('comparing revisions', () => {
  it('cuts Japanese into words, and the words give the text back', () => {
    const text = '首相は東京で記者会見を開いた。';
    expect(toWords(text)).toContain('東京');
    expect(toWords(text).join('')).toBe(text);
  });

  it('marks the word that changed in a Japanese sentence, not scattered characters', () => {
    expect(show(compareParagraph('首相は東京で記者会見を開いた。', '首相は大阪で記者会見を開いた。'))).toEqual(['首相は[-東京-]{+大阪+}で記者会見を開いた。']);
    // An added clause is one insertion.
    expect(show(compareParagraph('市は計画を発表した。', '市は二年遅れの計画を発表した。'))).toEqual(['市は{+二年遅れの+}計画を発表した。']);
  });

  it('folds a one-character word between two edits into them, so one edit reads as one', () => {
    expect(show(compareParagraph('港の朝市が再開する。', '駅の夜市が再開する。'))).toEqual(['[-港の朝市-]{+駅の夜市+}が再開する。']);
  });

  it('shows a rewritten paragraph as removed and added whole', () => {
    expect(show(compareParagraph('朝市は港の広場で開かれる。', '出店者は四十軒を見込む。'))).toEqual(['[-朝市は港の広場で開かれる。-]', '{+出店者は四十軒を見込む。+}']);
  });

  it('compares a body paragraph by paragraph, folding unchanged ones far from a change', () => {
    const before = ['一段落目。', '二段落目。', '三段落目。', '四段落目。', '五段落目は東京の話。', '六段落目。'].join('\n\n');
    const after = ['一段落目。', '二段落目。', '三段落目。', '四段落目。', '五段落目は大阪の話。', '六段落目。', '## 追加の小見出し'].join('\n\n');
    expect(show(compareText(before, after))).toEqual(['…3', '四段落目。', '五段落目は[-東京-]{+大阪+}の話。', '六段落目。', '{+## 追加の小見出し+}']);
    expect(show(compareText('消える段落。\n\n残る段落。', '残る段落。'))).toEqual(['[-消える段落。-]', '残る段落。']);
    expect(compareText('同じ。', '同じ。')).toEqual([{ kind: 'same', text: '同じ。' }]);
    // A paragraph cut and another added: the edited one is still paired with its new self.
    expect(show(compareText('市長は記者会見で述べた。\n\n事業費は約百二十億円。', '事業費は約百五十億円に膨らむ見通し。\n\n住民団体は署名を集めている。'))).toEqual([
      '[-市長は記者会見で述べた。-]',
      '事業費は約[-百二十億円-]{+百五十億円に膨らむ見通し+}。',
      '{+住民団体は署名を集めている。+}',
    ]);
  });

  it('says which fields changed, reading old revisions that lack the newer fields', () => {
    const older = { headline: '港の再開発、来春に着工へ', standfirst: '', body: '本文。', section: 'world', tags: ['tokyo'] };
    const newer = { headline: '港の再開発、来夏に着工へ', standfirst: '', body: '本文。', section: 'business', tags: ['tokyo'], authors: [], seoTitle: null };
    const result = compareRevisions(older, newer);
    expect(result.fields.map((f) => [f.label, f.changed])).toEqual([
      ['見出し', true],
      ['リード', false],
      ['本文', false],
    ]);
    expect(show(result.fields[0]!.rows)).toEqual(['港の再開発、[-来春-]{+来夏+}に着工へ']);
    expect(result.otherChanges).toEqual(['セクション']);
    // A damaged snapshot compares as empty rather than failing.
    expect(compareRevisions(null, newer).fields[0]!.rows).toEqual([{ kind: 'ins', text: '港の再開発、来夏に着工へ' }]);
  });
});
