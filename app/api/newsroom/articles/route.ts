import { answeringServerFaults, handleCreateArticle } from '@/lib/newsroom';

/** Stores a new article at its editor's first save (新規作成 or ライブ記事を作成 once something is typed, ADR 0041). */
export const POST = answeringServerFaults((request: Request) => handleCreateArticle(request));
