import { describe, expect, it } from 'vitest';
import en from '../../locales/en.json';
import fi from '../../locales/fi.json';
import sv from '../../locales/sv.json';
import { splitTexts, type TextTree } from './textSplit';

/** Every text's key path, "a.b.c", in a tree. */
function keys(tree: TextTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`),
  );
}

describe('splitTexts', () => {
  it('puts each text in exactly one of the two parts, in every language', () => {
    for (const texts of [fi, sv, en] as TextTree[]) {
      const { first, rest } = splitTexts(texts);
      const all = keys(texts).sort();
      expect([...keys(first), ...keys(rest)].sort()).toEqual(all);
      expect(keys(first).filter((key) => keys(rest).includes(key))).toEqual([]);
      expect(keys(first)).toContain('landing.title');
      expect(keys(first)).toContain('legal.footer.privacy');
      expect(keys(rest)).toContain('legal.privacy.title');
    }
  });

  it('leaves the texts it splits as they were, and refuses a path with no texts', () => {
    const texts: TextTree = { a: { b: 'x', c: 'y' }, d: 'z' };
    expect(splitTexts(texts, ['a.b'])).toEqual({ first: { a: { b: 'x' } }, rest: { a: { c: 'y' }, d: 'z' } });
    expect(texts).toEqual({ a: { b: 'x', c: 'y' }, d: 'z' });
    expect(() => splitTexts(texts, ['nope'])).toThrow('No texts at nope');
  });
});
