import 'server-only';

/**
 * The door to previews for routes: an article at its preview address for
 * whoever may see it, and shared preview links being opened
 * (docs/adr/0019-preview-address.md). The newsroom makes, lists and revokes
 * links through its own door (lib/newsroom).
 */
export { getArticlePreview, openPreviewLink, type PreviewViewer } from './access';
export { previewLinkRefusal } from './refusal-page';
export type { LinkCheck } from './links';
