import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ArticleStatus } from '@/lib/content/types';
import { emptyDraft } from '@/lib/newsroom/draft';
import type { Role } from '@/lib/newsroom/roles';
import { ArticleEditor } from './article-editor.client';

/** The editor shows each role only the buttons the server would accept from it (ADR 0032). */

const BUTTONS = ['下書き保存', '保存', 'デスクに提出', '今すぐ公開', '予約する', '予約を取り消す', '変更を公開', '公開を取り下げ', '下書きに差し戻す'];

function render(role: Role, status: ArticleStatus): string {
  return renderToStaticMarkup(
    <ArticleEditor
      article={{ id: 'abcdefgh', status, draft: { ...emptyDraft('world'), headline: '見出し', body: '本文' }, publishedAt: null, updatedAt: null, revision: 3 }}
      options={{ sections: [{ slug: 'world', name: 'ワールド' }], topics: [], tags: [], series: [], agencies: [], authors: [] }}
      csrfToken="token"
      initialPreview={null}
      initialPages={1}
      renderPreview={async () => ({ ok: false, error: '' })}
      role={role}
      returnNote={null}
    />,
  );
}

function buttonsFor(role: Role, status: ArticleStatus): string[] {
  return [...render(role, status).matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]!).filter((label) => BUTTONS.includes(label));
}

describe('the editor’s buttons by role', () => {
  it('gives a 記者 save and submit on a draft, save on a submitted piece, nothing on what the desk holds', () => {
    expect(buttonsFor('reporter', 'draft')).toEqual(['下書き保存', 'デスクに提出']);
    expect(buttonsFor('reporter', 'submitted')).toEqual(['保存']);
    for (const status of ['scheduled', 'published', 'unpublished'] as const) {
      expect(buttonsFor('reporter', status), status).toEqual([]);
      // Said before anything is typed: nothing typed here could be saved.
      expect(render('reporter', status), status).toContain('この記事はデスクが管理しています。');
    }
    expect(render('reporter', 'draft')).not.toContain('この記事はデスクが管理しています。');
    expect(render('desk', 'published')).not.toContain('この記事はデスクが管理しています。');
  });

  it('gives the デスク and the 管理者 every article command the status allows', () => {
    for (const role of ['desk', 'admin'] as const) {
      expect(buttonsFor(role, 'draft')).toEqual(['下書き保存', '今すぐ公開', '予約する']);
      expect(buttonsFor(role, 'submitted')).toEqual(['保存', '今すぐ公開', '下書きに差し戻す', '予約する']);
      expect(buttonsFor(role, 'scheduled')).toEqual(['下書き保存', '今すぐ公開', '予約を取り消す']);
      expect(buttonsFor(role, 'published')).toEqual(['変更を公開', '公開を取り下げ']);
    }
  });
});
