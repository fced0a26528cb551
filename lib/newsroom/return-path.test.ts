import { describe, expect, it } from 'vitest';
import { toReturnPath } from './return-path';

describe('toReturnPath', () => {
  it('keeps newsroom paths', () => {
    expect(toReturnPath('/newsroom/articles/abcdefgh')).toBe('/newsroom/articles/abcdefgh');
    expect(toReturnPath('/newsroom?status=draft')).toBe('/newsroom?status=draft');
  });
  it('sends everything else to the article list', () => {
    for (const bad of [null, '', '/', 'https://evil.example/newsroom', '//evil.example', '/\\evil.example', '/newsroom//evil.example', '/newsroomx', '/newsroom\r\nSet-Cookie: x=1', '/articles/abcdefgh']) {
      expect(toReturnPath(bad), String(bad)).toBe('/newsroom');
    }
  });
});
