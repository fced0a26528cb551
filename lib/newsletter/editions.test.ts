import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertTestArticles, openTestDatabase, TEST_ENGINES, type TestDatabase } from '../../test/support/database';
import { createEditor } from '../newsroom/editors';
import { EditionError } from './edition-rules';
import { createEdition, enqueueEditionMails, getEdition, listEditions, saveEdition, sendEdition, toEditionMailInput, type SendContext } from './editions';
import { listOutbox } from './outbox';
import { getSigningSecret, readUnsubscribeToken } from './tokens';

/**
 * Newsletter editions on both engines: what a draft may hold (and the
 * Japanese refusals that leave it as it was), and who gets a sent edition:
 * every confirmed subscriber once, never a pending or unsubscribed one, not
 * even when it is sent twice or by two instances at once.
 */

const NOW = new Date('2026-12-05T03:00:00.000Z');
const HOUR = 3_600_000;
const PUBLIC_A = 'abcd2345';
const PUBLIC_B = 'efgh2345';
const DRAFT = 'jkmn2345';
const LATER = 'pqrs2345';

describe.each(TEST_ENGINES)('newsletter editions on %s', (engine) => {
  let conn: TestDatabase;
  let ctx: SendContext;
  let editorId = '';
  let n = 0;

  const subscribe = async (status: 'active' | 'pending' | 'unsubscribed') => {
    const id = `sub-${engine}-${++n}`;
    const at = NOW.toISOString();
    await conn.db
      .insertInto('newsletter_subscribers')
      .values({ id, email: `${id}@example.jp`, status, created_at: at, updated_at: at, confirmed_at: status === 'pending' ? null : at, unsubscribed_at: status === 'unsubscribed' ? at : null })
      .execute();
    return { id, email: `${id}@example.jp` };
  };
  const editionMails = async (editionId: string) =>
    conn.db
      .selectFrom('newsletter_edition_mails')
      .innerJoin('mail_outbox', 'mail_outbox.id', 'newsletter_edition_mails.outbox_id')
      .select(['newsletter_edition_mails.subscriber_id', 'mail_outbox.to_address', 'mail_outbox.kind', 'mail_outbox.headers', 'mail_outbox.subject'])
      .where('newsletter_edition_mails.edition_id', '=', editionId)
      .orderBy('mail_outbox.to_address')
      .execute();
  const refusal = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => (e instanceof EditionError ? { status: e.status, message: e.message } : e));
  const draft = (articleIds = [PUBLIC_A, PUBLIC_B], subject = '今週のKiji') => createEdition(conn.db, { subject, intro: 'こんにちは。', articleIds, editorId }, NOW);

  beforeAll(async () => {
    conn = await openTestDatabase(engine, 'newsletter-editions', { prepared: true });
    await insertTestArticles(conn, [
      { id: PUBLIC_A, headline: '公開中の記事A', publishedAt: new Date(NOW.getTime() - 2 * HOUR) },
      { id: PUBLIC_B, headline: '公開中の記事B', publishedAt: new Date(NOW.getTime() - HOUR) },
      { id: DRAFT, headline: '書きかけ', status: 'draft', publishedAt: new Date(NOW.getTime() - HOUR) },
      { id: LATER, headline: '予約した記事', status: 'published', publishedAt: new Date(NOW.getTime() + HOUR) },
    ]);
    editorId = (await createEditor(conn.db, { login: `desk${engine}`, name: 'デスク 花子', password: 'a long enough password', role: 'desk' })).id;
    ctx = { db: conn.db, now: NOW, siteUrl: 'https://kiji.example', mailFrom: 'Kiji <news@kiji.example>', secret: await getSigningSecret(conn.db) };
  }, 60_000);
  afterAll(async () => conn?.close());

  it('keeps a draft with an empty subject, in the chosen order, and refuses what may not be in it with a Japanese reason', async () => {
    const { id, revision } = await draft([PUBLIC_B, PUBLIC_A], '');
    expect((await getEdition(conn.db, id, NOW))!.articles.map((a) => a.id)).toEqual([PUBLIC_B, PUBLIC_A]);

    const save = (articleIds: string[], subject = '件名', baseRevision = revision) => saveEdition(conn.db, { id, subject, intro: '', articleIds, baseRevision, editorId }, NOW);
    expect(await refusal(save([DRAFT]))).toEqual({ status: 400, message: '「書きかけ」は下書きです。公開中の記事だけを選べます。' });
    expect(await refusal(save([LATER]))).toEqual({ status: 400, message: '「予約した記事」は公開前です。公開中の記事だけを選べます。' });
    expect(await refusal(save([PUBLIC_A, PUBLIC_A]))).toMatchObject({ status: 400, message: expect.stringMatching(/二度選ばれて/) });
    expect(await refusal(save(['zzzz2345']))).toMatchObject({ status: 404 });
    expect(await refusal(save(['../../etc']))).toMatchObject({ status: 404 });
    expect(await refusal(save([PUBLIC_A], '件名\r\nBcc: everyone@example.jp'))).toEqual({ status: 400, message: '件名に改行や制御文字は使えません。' });
    expect(await refusal(save([PUBLIC_A], 'あ'.repeat(101)))).toMatchObject({ status: 400, message: expect.stringMatching(/100字以内/) });
    expect(await refusal(save([PUBLIC_A], '件名', revision + 5))).toMatchObject({ status: 409 });
    expect(await refusal(saveEdition(conn.db, { id: 'not-an-edition-id', subject: '', intro: '', articleIds: [], baseRevision: 1, editorId }, NOW))).toMatchObject({ status: 404 });
    // None of that changed the draft.
    expect(await getEdition(conn.db, id, NOW)).toMatchObject({ subject: '', revision, articles: [{ id: PUBLIC_B }, { id: PUBLIC_A }] });

    expect(await save([PUBLIC_A], ' 新しい件名 ')).toEqual({ revision: revision + 1 });
    expect(await getEdition(conn.db, id, NOW)).toMatchObject({ subject: '新しい件名', revision: revision + 1, articles: [{ id: PUBLIC_A }], updatedBy: 'デスク 花子' });
  });

  it('refuses to send without a subject or an article, or with an article no longer public, and sends nothing', async () => {
    await subscribe('active');
    const empty = await draft([], '');
    expect(await refusal(sendEdition(ctx, { id: empty.id, revision: empty.revision, editorId }))).toEqual({ status: 400, message: '件名を入力してください。記事を1本以上選んでください。' });
    const withArticle = await draft([PUBLIC_A]);
    await conn.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', PUBLIC_A).execute();
    try {
      expect(await refusal(sendEdition(ctx, { id: withArticle.id, revision: withArticle.revision, editorId }))).toMatchObject({ status: 400, message: expect.stringContaining('「公開中の記事A」は非公開のため送れません') });
    } finally {
      await conn.db.updateTable('articles').set({ status: 'published' }).where('id', '=', PUBLIC_A).execute();
    }
    expect(await refusal(sendEdition(ctx, { id: withArticle.id, revision: withArticle.revision + 1, editorId }))).toMatchObject({ status: 409 });
    expect(await editionMails(empty.id)).toEqual([]);
    expect(await editionMails(withArticle.id)).toEqual([]);
    expect(await getEdition(conn.db, withArticle.id, NOW)).toMatchObject({ status: 'draft', sentAt: null });
  });

  it('mails every confirmed subscriber once, each with their own unsubscribe link, and no one else', async () => {
    // Start from a list of our own making.
    await conn.db.updateTable('newsletter_subscribers').set({ status: 'unsubscribed' }).execute();
    const confirmed = [await subscribe('active'), await subscribe('active'), await subscribe('active')];
    const pending = await subscribe('pending');
    const gone = await subscribe('unsubscribed');
    const { id, revision } = await draft();

    expect(await sendEdition(ctx, { id, revision, editorId })).toEqual({ recipients: 3 });
    const mails = await editionMails(id);
    expect(mails.map((m) => m.to_address)).toEqual(confirmed.map((s) => s.email).sort());
    for (const mail of mails) {
      expect(mail).toMatchObject({ kind: 'edition', subject: '今週のKiji' });
      const header = (JSON.parse(mail.headers) as Record<string, string>)['List-Unsubscribe']!;
      const token = decodeURIComponent(/token=([^>]+)>$/.exec(header)![1]!);
      expect(readUnsubscribeToken(ctx.secret, token)).toBe(mail.subscriber_id);
    }
    const outbox = await listOutbox(conn.db, { limit: 500 });
    expect(outbox.filter((m) => m.to === pending.email || m.to === gone.email)).toEqual([]);
    expect(await getEdition(conn.db, id, NOW)).toMatchObject({ status: 'sent', recipients: 3, sentBy: 'デスク 花子', sentAt: NOW.toISOString(), delivery: { sent: 0, pending: 3, failed: 0, cancelled: 0 } });

    // Sending again (a double click that arrives late) is refused and mails no one.
    expect(await refusal(sendEdition(ctx, { id, revision, editorId }))).toEqual({ status: 409, message: expect.stringMatching(/すでに送信済み/) });
    expect(await refusal(saveEdition(conn.db, { id, subject: '変更', intro: '', articleIds: [PUBLIC_A], baseRevision: revision, editorId }, NOW))).toMatchObject({ status: 409 });
    // And the delivery record's key holds even for a caller that skips the sent check.
    const edition = (await getEdition(conn.db, id, NOW))!;
    const again = await conn.db.transaction().execute((trx) => enqueueEditionMails(trx, ctx, id, toEditionMailInput(edition, ctx.siteUrl), confirmed));
    expect(again).toBe(0);
    expect(await editionMails(id)).toHaveLength(3);

    // The sent count follows the outbox: delivered, failed, and cancelled by an unsubscribe before delivery.
    const [first, second, third] = mails.map((m) => m.to_address);
    await conn.db.updateTable('mail_outbox').set({ status: 'sent' }).where('to_address', '=', first!).where('kind', '=', 'edition').execute();
    await conn.db.updateTable('mail_outbox').set({ status: 'failed' }).where('to_address', '=', second!).where('kind', '=', 'edition').execute();
    await conn.db.updateTable('mail_outbox').set({ status: 'cancelled' }).where('to_address', '=', third!).where('kind', '=', 'edition').execute();
    const [listed] = (await listEditions(conn.db)).filter((e) => e.id === id);
    expect(listed).toMatchObject({ status: 'sent', recipients: 3, articleCount: 2, delivery: { sent: 1, pending: 0, failed: 1, cancelled: 1 } });
  });

  it('mails each subscriber once when the same edition is sent three times at once', async () => {
    await conn.db.updateTable('newsletter_subscribers').set({ status: 'unsubscribed' }).execute();
    const confirmed = [await subscribe('active'), await subscribe('active')];
    const { id, revision } = await draft();
    // On PostgreSQL one of them from a second instance (its own pool). The embedded
    // SQLite is one server process, whose one connection takes transactions in turn;
    // a second connection in this same thread would wait on a lock only this thread can free.
    const other = engine === 'postgres' ? conn.openAnother() : { db: conn.db };
    try {
      const results = await Promise.allSettled([
        sendEdition(ctx, { id, revision, editorId }),
        sendEdition({ ...ctx, db: other.db }, { id, revision, editorId }),
        sendEdition(ctx, { id, revision, editorId }),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled').map((r) => r.value)).toEqual([{ recipients: 2 }]);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409 });
    } finally {
      if (other.db !== conn.db) await other.db.destroy();
    }
    expect((await editionMails(id)).map((m) => m.to_address)).toEqual(confirmed.map((s) => s.email).sort());
  });

  it('refuses to send to nobody, and the edition stays a draft', async () => {
    await conn.db.updateTable('newsletter_subscribers').set({ status: 'unsubscribed' }).execute();
    const { id, revision } = await draft();
    expect(await refusal(sendEdition(ctx, { id, revision, editorId }))).toMatchObject({ status: 409, message: expect.stringMatching(/購読者がいない/) });
    expect(await getEdition(conn.db, id, NOW)).toMatchObject({ status: 'draft' });
  });
});
