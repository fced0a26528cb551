import { describe, expect, it } from 'vitest';
import { readNewsroomSettings } from './settings';

describe('readNewsroomSettings', () => {
  it('reads the defaults, an empty value counting as unset', () => {
    expect(readNewsroomSettings({ KIJI_SECRET: '', PORT: '4000' })).toEqual({
      secret: undefined,
      trustedProxyHops: 0,
      secureCookies: false,
      publicDeployment: false,
      internalUrl: 'http://127.0.0.1:4000',
    });
  });
  it('stops on a bad value, naming the variable', () => {
    expect(() => readNewsroomSettings({ KIJI_SECRET: 'short' })).toThrow('Invalid settings: KIJI_SECRET: KIJI_SECRET must be at least 32 characters');
  });
});
