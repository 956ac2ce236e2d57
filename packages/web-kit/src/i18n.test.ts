import type { i18n as TI18n } from 'i18next';
import { describe, expect, it } from 'vitest';
import { createI18n, i18nOfParts, textsOf } from './i18n';
import type { TStringsOf } from './locales/ja';

// The apps declare their own key types for i18next; these test texts are none of them.
const text = (i18n: TI18n, key: string, options?: object) =>
  (i18n.t as unknown as (key: string, options?: object) => string)(key, options);

const ja = { app: { productName: '製品' }, greet: { hello: 'こんにちは {{name}}' } };
const en = { app: { productName: 'Product' }, greet: { hello: 'Hello {{name}}' } };

/** An instance whose English comes from `loadEn`, counting the fetches. */
async function start(loadEn: () => Promise<typeof en> = async () => en) {
  const counter = { loads: 0 };
  const { i18n, ready } = createI18n({
    ja,
    load: {
      en: () => {
        counter.loads += 1;
        return loadEn();
      },
    },
    storageKey: 'test.lang',
  });
  await ready;
  return { i18n, counter };
}

describe('createI18n', () => {
  it('speaks Japanese at once, without fetching English', async () => {
    const { i18n, counter } = await start();
    expect(text(i18n, 'greet.hello', { name: '<b>' })).toBe('こんにちは <b>');
    expect(counter.loads).toBe(0);
  });

  it('fetches English the first time it is chosen, once', async () => {
    const { i18n, counter } = await start();
    await i18n.changeLanguage('en');
    expect(text(i18n, 'app.productName')).toBe('Product');
    await i18n.changeLanguage('ja');
    await i18n.changeLanguage('en');
    expect(counter.loads).toBe(1);
  });

  it('falls back to Japanese when English cannot be fetched', async () => {
    const { i18n } = await start(() => Promise.reject(new Error('offline')));
    await i18n.changeLanguage('en');
    expect(text(i18n, 'app.productName')).toBe('製品');
  });
});

describe('i18nOfParts', () => {
  it("speaks every part's Japanese at once and, once English is chosen, every part's English", async () => {
    const loaded: string[] = [];
    const part = <J extends object>(name: string, ja: J, en: TStringsOf<J>) =>
      textsOf(ja, async () => {
        loaded.push(name);
        return en;
      });
    const { i18n, ready } = createI18n(
      i18nOfParts(
        [
          part('app', { app: { productName: '製品' } }, { app: { productName: 'Product' } }),
          part('courses', { courses: { title: '公開講座' } }, { courses: { title: 'Courses' } }),
        ],
        'test.parts.lang',
      ),
    );
    await ready;
    expect([text(i18n, 'app.productName'), text(i18n, 'courses.title')]).toEqual(['製品', '公開講座']);
    expect(loaded).toEqual([]);
    await i18n.changeLanguage('en');
    expect([text(i18n, 'app.productName'), text(i18n, 'courses.title')]).toEqual(['Product', 'Courses']);
    expect(loaded.sort()).toEqual(['app', 'courses']);
  });
});
