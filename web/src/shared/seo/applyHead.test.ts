// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { applyToDocument, headHtml, headTags, headIsCurrent, resolveMeta } from './PageMeta';

const context = {
  locale: 'fi' as const,
  siteName: 'Osaamisen keskusvaraamo',
  publicUrl: 'https://kv.example',
  pathname: '/offers/1',
  search: '',
};

const course = headTags(
  resolveMeta(
    {
      title: 'Aurinkosähkö & "varastointi"',
      description: 'Kurssi <aurinkosähköstä>',
      type: 'article',
      structuredData: () => ({ '@type': 'Course', name: '</script>' }),
    },
    context,
  ),
);

describe('the head in the browser', () => {
  beforeEach(() => {
    // As the server writes it for a page that hydrates.
    document.head.innerHTML = `<meta charset="UTF-8">\n${headHtml(course)}`;
  });

  it('is left as it is when the server wrote the same tags (hydration)', () => {
    const before = [...document.head.children];
    expect(headIsCurrent(course)).toBe(true);
    applyToDocument(course);
    expect([...document.head.children]).toEqual(before);
    expect(document.head.children.length).toBe(before.length);
  });

  it('is replaced when any tag differs: text, an attribute, one more or one fewer', () => {
    const other = headTags(resolveMeta({ title: 'Haku', keepQuery: true }, { ...context, pathname: '/search' }));
    expect(headIsCurrent(other)).toBe(false);
    applyToDocument(other);
    expect(document.title).toBe('Haku – Osaamisen keskusvaraamo');
    expect(document.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      'https://kv.example/search',
    );
    expect(document.head.querySelector('script[type="application/ld+json"]')).toBeNull();
    expect(document.head.querySelector('meta[charset]')).not.toBeNull();

    const changedText = course.map((t) => (t.tag === 'script' ? { ...t, text: '{}' } : t));
    const extraAttribute = course.map((t) => (t.tag === 'link' ? { ...t, attrs: { ...t.attrs, media: 'print' } } : t));
    for (const tags of [changedText, extraAttribute, course.slice(1), [...course, course[1]!]]) {
      document.head.innerHTML = headHtml(course);
      expect(headIsCurrent(tags)).toBe(false);
    }
  });

  it('is not current while the shell’s own description is there beside the page’s', () => {
    document.head.insertAdjacentHTML('afterbegin', '<meta name="description" content="Palvelu">');
    expect(headIsCurrent(course)).toBe(false);
    applyToDocument(course);
    expect(document.head.querySelectorAll('meta[name="description"]')).toHaveLength(1);
  });
});
