import { describe, expect, it } from 'vitest';
import { readNewsletterSettings } from './settings';

describe('readNewsletterSettings', () => {
  it('keeps the dev mailbox off in production unless it is switched on', () => {
    expect(readNewsletterSettings({ NODE_ENV: 'production' }).devMailbox).toBe(false);
    expect(readNewsletterSettings({ NODE_ENV: 'production', KIJI_DEV_MAILBOX: 'true' }).devMailbox).toBe(true);
    expect(readNewsletterSettings({ NODE_ENV: 'development' }).devMailbox).toBe(true);
    expect(readNewsletterSettings({ NODE_ENV: 'development', KIJI_DEV_MAILBOX: '0' }).devMailbox).toBe(false);
  });

  it('sends no mail without SMTP_URL and refuses a URL that is not SMTP', () => {
    expect(readNewsletterSettings({}).smtpUrl).toBeUndefined();
    expect(readNewsletterSettings({ SMTP_URL: '' }).smtpUrl).toBeUndefined();
    expect(readNewsletterSettings({ SMTP_URL: 'smtp://127.0.0.1:2525' }).smtpUrl).toBe('smtp://127.0.0.1:2525');
    expect(() => readNewsletterSettings({ SMTP_URL: 'http://mail' })).toThrow(/SMTP_URL/);
    expect(() => readNewsletterSettings({ KIJI_TRUSTED_PROXY_HOPS: '-1' })).toThrow(/KIJI_TRUSTED_PROXY_HOPS/);
  });
});
