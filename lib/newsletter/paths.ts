/** Public paths of the newsletter: pages readers land on, and the endpoints forms and mail clients post to. */
export const NEWSLETTER_PAGES = {
  signup: '/newsletter',
  sent: '/newsletter/sent',
  confirm: '/newsletter/confirm',
  confirmed: '/newsletter/confirmed',
  unsubscribe: '/newsletter/unsubscribe',
  unsubscribed: '/newsletter/unsubscribed',
  mailbox: '/newsletter/mailbox',
} as const;

export const NEWSLETTER_ENDPOINTS = {
  subscribe: '/api/newsletter/subscribe',
  confirm: '/api/newsletter/confirm',
  unsubscribe: '/api/newsletter/unsubscribe',
} as const;

/** A page or endpoint path with the link's token. */
export function withToken(path: string, token: string): string {
  return `${path}?token=${encodeURIComponent(token)}`;
}
