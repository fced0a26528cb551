import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  TEXT_SIZE_ATTRIBUTE,
  TEXT_SIZE_STORAGE_KEY,
  applyTextSize,
  buildTextSizeScript,
  chooseTextSize,
  readTextSize,
  subscribeTextSize,
  toTextSize,
  type TextSizeStorage,
} from './text-size';

/** <html> as the script and the switch use it: attributes only. */
class FakeRoot {
  readonly attributes = new Map<string, string>();
  getAttribute(name: string) {
    return this.attributes.get(name) ?? null;
  }
  setAttribute(name: string, value: string) {
    this.attributes.set(name, value);
  }
  removeAttribute(name: string) {
    this.attributes.delete(name);
  }
}

class FakeStorage implements TextSizeStorage {
  readonly items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const throwing: TextSizeStorage = {
  getItem() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
  setItem() {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  },
  removeItem() {
    throw new DOMException('The operation is insecure.', 'SecurityError');
  },
};

/**
 * Runs the head script as a browser runs a classic script: at the top level
 * of a global object holding `localStorage` (a getter, so reading it may
 * throw, as it does where site data is blocked) and `document`. Returns the
 * global object and <html> afterwards.
 */
function runScript(storage: () => TextSizeStorage | undefined, root = new FakeRoot()) {
  const window = {
    get localStorage() {
      return storage();
    },
    document: { documentElement: root },
  };
  runInNewContext(buildTextSizeScript(), window);
  return Object.assign(root, { window });
}

describe('the head script', () => {
  it('sets 小 and 大 from storage on <html>', () => {
    for (const size of ['small', 'large'] as const) {
      const storage = new FakeStorage();
      storage.setItem(TEXT_SIZE_STORAGE_KEY, size);
      expect(runScript(() => storage).getAttribute(TEXT_SIZE_ATTRIBUTE)).toBe(size);
    }
  });

  it('leaves <html> alone for 中, nothing stored, and anything else stored', () => {
    for (const stored of ['medium', null, 'huge', 'LARGE', ' large', '"large"', '<script>', '']) {
      const storage = new FakeStorage();
      if (stored !== null) storage.setItem(TEXT_SIZE_STORAGE_KEY, stored);
      expect(runScript(() => storage).attributes.size, `stored ${stored}`).toBe(0);
    }
  });

  it('never throws when storage does: a refused read, localStorage unreadable, or missing', () => {
    expect(runScript(() => throwing).attributes.size).toBe(0);
    expect(
      runScript(() => {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      }).attributes.size,
    ).toBe(0);
    expect(runScript(() => undefined).attributes.size).toBe(0);
  });

  it('leaves no global behind and can sit in a <script> element', () => {
    const storage = new FakeStorage();
    storage.setItem(TEXT_SIZE_STORAGE_KEY, 'large');
    expect(Object.keys(runScript(() => storage).window)).toEqual(['localStorage', 'document']);
    const script = buildTextSizeScript();
    expect(script).not.toMatch(/<\/script|<!--/i);
    // It is in every page's head: keep it tiny.
    expect(script.length).toBeLessThan(250);
  });

  it('reads back what the switch stores, on the next page', () => {
    const storage = new FakeStorage();
    applyTextSize('large', new FakeRoot(), storage);
    expect(runScript(() => storage).getAttribute(TEXT_SIZE_ATTRIBUTE)).toBe('large');
    applyTextSize('medium', new FakeRoot(), storage);
    expect(runScript(() => storage).attributes.size).toBe(0);
  });
});

describe('applyTextSize', () => {
  it('sets 小 and 大 on <html> and stores them', () => {
    const root = new FakeRoot();
    const storage = new FakeStorage();
    applyTextSize('large', root, storage);
    expect(root.getAttribute(TEXT_SIZE_ATTRIBUTE)).toBe('large');
    expect(storage.getItem(TEXT_SIZE_STORAGE_KEY)).toBe('large');
    applyTextSize('small', root, storage);
    expect(readTextSize(root)).toBe('small');
    expect(storage.getItem(TEXT_SIZE_STORAGE_KEY)).toBe('small');
  });

  it('goes back to 中 by removing both the attribute and the stored value', () => {
    const root = new FakeRoot();
    const storage = new FakeStorage();
    applyTextSize('large', root, storage);
    applyTextSize('medium', root, storage);
    expect(root.attributes.size).toBe(0);
    expect(storage.items.size).toBe(0);
    expect(readTextSize(root)).toBe('medium');
  });

  it('still changes the page when storage refuses or is missing', () => {
    const root = new FakeRoot();
    expect(() => applyTextSize('large', root, throwing)).not.toThrow();
    expect(root.getAttribute(TEXT_SIZE_ATTRIBUTE)).toBe('large');
    expect(() => applyTextSize('medium', root, throwing)).not.toThrow();
    expect(root.attributes.size).toBe(0);
    applyTextSize('small', root, null);
    expect(root.getAttribute(TEXT_SIZE_ATTRIBUTE)).toBe('small');
  });
});

describe('chooseTextSize (what a click on the switch does)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('sets the attribute on this document, stores the size, and re-renders the switch', () => {
    const root = new FakeRoot();
    const storage = new FakeStorage();
    vi.stubGlobal('document', { documentElement: root });
    vi.stubGlobal('window', { localStorage: storage });
    const heard: string[] = [];
    const unsubscribe = subscribeTextSize(() => heard.push(readTextSize(root)));
    chooseTextSize('large');
    expect(root.getAttribute(TEXT_SIZE_ATTRIBUTE)).toBe('large');
    expect(storage.getItem(TEXT_SIZE_STORAGE_KEY)).toBe('large');
    chooseTextSize('medium');
    unsubscribe();
    chooseTextSize('small');
    expect(heard).toEqual(['large', 'medium']);
  });

  it('works on the page when localStorage cannot even be read', () => {
    const root = new FakeRoot();
    vi.stubGlobal('document', { documentElement: root });
    vi.stubGlobal('window', {
      get localStorage() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
    expect(() => chooseTextSize('large')).not.toThrow();
    expect(root.getAttribute(TEXT_SIZE_ATTRIBUTE)).toBe('large');
  });
});

describe('toTextSize', () => {
  it('takes only the three sizes, 中 for anything else', () => {
    expect(toTextSize('small')).toBe('small');
    expect(toTextSize('large')).toBe('large');
    for (const value of [null, undefined, '', 'Large', 'xl', 2, {}]) expect(toTextSize(value)).toBe('medium');
  });
});
