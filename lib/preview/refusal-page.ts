import type { LinkCheck } from './links';
import { CACHE_CONTROL } from '../cache/control';

const MESSAGES: Record<Exclude<LinkCheck, { ok: true }>['reason'], { status: number; text: string }> = {
  malformed: { status: 404, text: 'このプレビューリンクは見つかりません。リンクが途中で切れていないか確かめてください。' },
  expired: { status: 410, text: 'このプレビューリンクは有効期限が切れています。編集部に新しいリンクを依頼してください。' },
  revoked: { status: 410, text: 'このプレビューリンクは編集部によって取り消されました。' },
};

/** The answer to a preview link that does not open: 404 for an unknown token, 410 for an expired or revoked one. Styled by attribute: the CSP refuses `<style>` elements (ADR 0021). */
export function previewLinkRefusal(reason: keyof typeof MESSAGES): Response {
  const { status, text } = MESSAGES[reason];
  const html = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>プレビューリンクが無効です</title></head><body style="font-family:system-ui,'Hiragino Sans','Noto Sans JP',sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a"><h1>プレビューリンクが無効です</h1><p>${text}</p></body></html>`;
  return new Response(html, { status, headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': CACHE_CONTROL.personal } });
}
