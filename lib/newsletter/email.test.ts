import { describe, expect, it } from 'vitest';
import { maskEmail, normalizeEmail, toMailboxKey } from './email';

describe('normalizeEmail', () => {
  it('turns full-width input from a Japanese IME into ASCII', () => {
    expect(normalizeEmail('ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ')).toBe('taro@example.jp');
  });

  it('drops spaces anywhere, full-width and invisible ones too', () => {
    expect(normalizeEmail('  taro @ example.jp\u3000')).toBe('taro@example.jp');
    expect(normalizeEmail('ta\u200bro@example.jp\n')).toBe('taro@example.jp');
  });

  it('lowercases the domain but keeps the case of the local part', () => {
    expect(normalizeEmail('Taro.Yamada@Example.CO.JP')).toBe('Taro.Yamada@example.co.jp');
  });

  it('writes an internationalised domain in its ASCII form', () => {
    expect(normalizeEmail('info@例え.jp')).toBe('info@xn--r8jz45g.jp');
    expect(normalizeEmail('info@example。jp')).toBe('info@example.jp');
  });

  it('accepts the dotted addresses Japanese carriers issued', () => {
    expect(normalizeEmail('taro..k.@docomo.ne.jp')).toBe('taro..k.@docomo.ne.jp');
  });

  it('refuses what cannot be mailed', () => {
    for (const bad of ['', 'taro', 'taro@', '@example.jp', 'taro@example', 'taro@@example.jp', 'taro"x"@example.jp', 'taro@-example.jp', 'taro@example.j', '.taro@example.jp', 'taro@exa_mple.jp', `${'a'.repeat(65)}@example.jp`, `taro@${'a'.repeat(250)}.jp`]) {
      expect(normalizeEmail(bad), bad).toBeNull();
    }
  });
});

describe('maskEmail', () => {
  it('shows the start of the local part and the domain only', () => {
    expect(maskEmail('taro.yamada@example.jp')).toBe('ta*********@example.jp');
    expect(maskEmail('a@example.jp')).toBe('a***@example.jp');
  });
});

describe('toMailboxKey', () => {
  it('counts every spelling of one mailbox as one', () => {
    const spellings = ['taro@example.jp', 'Taro@example.jp', 'TARO@example.jp', 'tArO@example.jp', 'taro+news@example.jp', 'Taro+1@example.jp'];
    expect(new Set(spellings.map(toMailboxKey))).toEqual(new Set(['taro@example.jp']));
    // Full-width input as it leaves normalizeEmail, and as it would arrive without it.
    expect(toMailboxKey(normalizeEmail('ＴＡＲＯ＠ｅｘａｍｐｌｅ．ｊｐ')!)).toBe('taro@example.jp');
    expect(toMailboxKey('ＴＡＲＯ＠example.jp')).toBe('taro@example.jp');
  });

  it('ignores dots in Gmail local parts only, where Gmail ignores them', () => {
    expect(toMailboxKey('Taro.Yamada+x@googlemail.com')).toBe('taroyamada@gmail.com');
    expect(toMailboxKey('t.a.r.o@gmail.com')).toBe('taro@gmail.com');
    expect(toMailboxKey('taro..k.@docomo.ne.jp')).toBe('taro..k.@docomo.ne.jp');
  });

  it('keeps a local part that is all subaddress', () => {
    expect(toMailboxKey('+news@example.jp')).toBe('+news@example.jp');
  });
});
