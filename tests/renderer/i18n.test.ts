/**
 * Every language has every word of the app, with the same placeholders as English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { de } from '../../renderer/src/i18n/de';
import { en } from '../../renderer/src/i18n/en';
import { messageArguments as placeholders } from '../support/icu';

describe('the app in every language', () => {
  it.each(Object.keys(en).map((k) => [k]))('%s has the same placeholders in German', (key) => {
    const k = key as keyof typeof en;
    expect(placeholders(de[k])).toEqual(placeholders(en[k]));
    expect(de[k].trim().length).toBeGreaterThan(0);
  });

  it('uses no words that are not in the catalogs (every t() key exists)', () => {
    const sources = (function walk(dir: string): string[] {
      return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : [],
      );
    })(join(__dirname, '..', '..', 'renderer', 'src'));
    const used = sources.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\('([a-zA-Z.-]+)'/g)].map((m) => m[1] ?? ''),
    );
    expect(used.length).toBeGreaterThan(50);
    for (const key of used) expect(Object.hasOwn(en, key), key).toBe(true);
  });
});
