import { describe, expect, it } from 'vitest';
import { readSettings } from './config';
import { DEMO_PUBLISHER } from './site/publisher';

const PUBLISHER_ENV = {
  SITE_PUBLISHER_NAME: '株式会社サンプル報道',
  SITE_PUBLISHER_ADDRESS: '〒530-0000 大阪府大阪市北区見本1-1',
  SITE_PUBLISHER_REPRESENTATIVE: '代表取締役 見本太郎',
  SITE_PUBLISHER_FOUNDED: '2001-10-01',
  SITE_CONTACT_EMAIL: 'desk@news.example',
};

describe('readSettings: the publisher', () => {
  it("is the demo's fictional company, marked as demo, when nothing is set (empty values count as unset)", () => {
    expect(readSettings({}).publisher).toEqual({ ...DEMO_PUBLISHER, demo: true });
    expect(readSettings({ SITE_PUBLISHER_NAME: '', SITE_CONTACT_EMAIL: '' }).publisher.demo).toBe(true);
  });

  it('is what the five settings say, and no longer the demo', () => {
    expect(readSettings(PUBLISHER_ENV).publisher).toEqual({
      name: '株式会社サンプル報道',
      address: '〒530-0000 大阪府大阪市北区見本1-1',
      representative: '代表取締役 見本太郎',
      founded: '2001-10-01',
      contactEmail: 'desk@news.example',
      demo: false,
    });
  });

  it('refuses half a publisher, naming what is missing, rather than mixing real and demo details', () => {
    const { SITE_PUBLISHER_REPRESENTATIVE: _r, SITE_CONTACT_EMAIL: _e, ...partial } = PUBLISHER_ENV;
    expect(() => readSettings(partial)).toThrow(/SITE_PUBLISHER_REPRESENTATIVE, SITE_CONTACT_EMAIL must be set too/);
  });

  it('refuses a founding date or contact address it could not show correctly', () => {
    expect(() => readSettings({ ...PUBLISHER_ENV, SITE_PUBLISHER_FOUNDED: '2001年10月' })).toThrow(/SITE_PUBLISHER_FOUNDED must be YYYY-MM or YYYY-MM-DD/);
    expect(() => readSettings({ ...PUBLISHER_ENV, SITE_PUBLISHER_FOUNDED: '2001-13' })).toThrow(/SITE_PUBLISHER_FOUNDED/);
    expect(() => readSettings({ ...PUBLISHER_ENV, SITE_CONTACT_EMAIL: 'desk at news.example' })).toThrow(/SITE_CONTACT_EMAIL must be a mail address/);
    expect(() => readSettings({ ...PUBLISHER_ENV, SITE_PUBLISHER_NAME: '   ' })).toThrow(/SITE_PUBLISHER_NAME/);
  });
});
