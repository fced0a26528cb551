/**
 * Who publishes the site: the company named on 会社概要, プライバシーポリシー,
 * 利用規約 and お問い合わせ. Read from the SITE_PUBLISHER_* and
 * SITE_CONTACT_EMAIL settings (lib/config.ts, .env.example); this module
 * holds the type, the demo's fictional company and the display rules.
 */

export type Publisher = {
  /** 会社名, as registered: 「株式会社…」. */
  name: string;
  /** 所在地, one line with the postal code. */
  address: string;
  /** 代表者, with the title: 「代表取締役社長 …」. */
  representative: string;
  /** 設立: `YYYY-MM` or `YYYY-MM-DD`. */
  founded: string;
  /** Where readers write: corrections, opinions, tips, press and privacy requests. */
  contactEmail: string;
  /** Whether these are the demo's fictional details (no SITE_PUBLISHER_* is set); the pages then say so. */
  demo: boolean;
};

/**
 * The demo's publisher. Every detail is invented: the town 見本町 and the
 * building do not exist, and `.example` is a domain reserved for examples
 * (RFC 2606), so nobody's mail is sent to a real address.
 */
export const DEMO_PUBLISHER: Omit<Publisher, 'demo'> = {
  name: '株式会社Kiji新報社',
  address: '〒100-0000 東京都千代田区見本町1-2-3 見本ビル5階',
  representative: '代表取締役社長 有沢和臣',
  founded: '2019-04',
  contactEmail: 'contact@kiji.example',
};

/** What SITE_PUBLISHER_FOUNDED accepts: a month or a day of the Gregorian calendar. */
export const FOUNDED_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?$/;

/**
 * 設立 as Japanese pages write it: `2019-04` → 「2019年4月」, `2019-04-01` →
 * 「2019年4月1日」. A calendar date, not an instant, so no time zone is
 * involved (lib/time/jst.ts formats instants). Anything else is returned
 * as it is rather than guessed at.
 */
export function formatFoundedDate(founded: string): string {
  const m = FOUNDED_PATTERN.exec(founded);
  if (!m) return founded;
  const [, year, month, day] = m;
  return `${year}年${Number(month)}月${day ? `${Number(day)}日` : ''}`;
}
