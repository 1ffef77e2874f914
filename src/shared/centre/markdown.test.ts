import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Block, type Inline, isSafeHref, markdownText, parseInline, parseMarkdown } from './markdown';

/** Every link address in the blocks. */
const hrefsOf = (blocks: Block[]): string[] => {
  const inline = (nodes: Inline[]): string[] => nodes.flatMap((node) => (node.kind === 'text' ? [] : [...(node.kind === 'link' ? [node.href] : []), ...inline(node.children)]));
  return blocks.flatMap((block) => (block.kind === 'list' ? block.items.flatMap(inline) : inline(block.content)));
};

describe('the knowledge base’s Markdown', () => {
  it('reads headings, paragraphs, bullet and numbered lists', () => {
    expect(parseMarkdown('# Title\n\nOne\nline.\n\n- a\n- b\n  more\n\n1. x\n2) y\n### Sub')).toEqual([
      { kind: 'heading', level: 2, content: [{ kind: 'text', text: 'Title' }] },
      { kind: 'paragraph', content: [{ kind: 'text', text: 'One line.' }] },
      { kind: 'list', ordered: false, items: [[{ kind: 'text', text: 'a' }], [{ kind: 'text', text: 'b more' }]] },
      { kind: 'list', ordered: true, items: [[{ kind: 'text', text: 'x' }], [{ kind: 'text', text: 'y' }]] },
      { kind: 'heading', level: 3, content: [{ kind: 'text', text: 'Sub' }] },
    ]);
  });

  it('reads strong text, emphasis and links, nested', () => {
    expect(parseInline('**a _b_** and *c* [see **this**](/kennis)')).toEqual([
      {
        kind: 'strong',
        children: [
          { kind: 'text', text: 'a ' },
          { kind: 'emphasis', children: [{ kind: 'text', text: 'b' }] },
        ],
      },
      { kind: 'text', text: ' and ' },
      { kind: 'emphasis', children: [{ kind: 'text', text: 'c' }] },
      { kind: 'text', text: ' ' },
      {
        kind: 'link',
        href: '/kennis',
        children: [
          { kind: 'text', text: 'see ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'this' }] },
        ],
      },
    ]);
    expect(parseInline('a * b and 3 * 4')).toEqual([{ kind: 'text', text: 'a * b and 3 * 4' }]);
  });

  it('keeps HTML as text and drops unsafe link addresses, keeping their words', () => {
    expect(parseMarkdown('<script>alert(1)</script>')).toEqual([{ kind: 'paragraph', content: [{ kind: 'text', text: '<script>alert(1)</script>' }] }]);
    expect(parseInline('[click](javascript:alert(1))')).toEqual([
      { kind: 'text', text: 'click' },
      { kind: 'text', text: ')' },
    ]);
    expect(parseInline('[x](//evil.example)')).toEqual([{ kind: 'text', text: 'x' }]);
    expect(parseInline('[x](data:text/html,hi)')).toEqual([{ kind: 'text', text: 'x' }]);
  });

  it('accepts only web, mail and in-app addresses', () => {
    for (const href of ['https://www.vlaanderen.be/x', 'http://a.b', 'mailto:a@b.be', '/opleidingen', '/kennis/cyber-basics']) expect(isSafeHref(href)).toBe(true);
    for (const href of ['javascript:alert(1)', 'JAVASCRIPT:x', 'data:x', '//host', 'vbscript:x', '', 'kennis']) expect(isSafeHref(href)).toBe(false);
  });

  it('never lets any text produce a link outside the safe addresses, and keeps every letter of it', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.constantFrom('javascript:', 'https://', '/', 'data:', ''), (text, scheme) => {
        const source = `${text}\n[a](${scheme}${text.replace(/[\s)]/g, '')})`;
        const blocks = parseMarkdown(source);
        for (const href of hrefsOf(blocks)) expect(isSafeHref(href)).toBe(true);
        const letters = (s: string) => (s.match(/[\p{L}\p{N}]/gu) ?? []).length;
        expect(letters(markdownText(text))).toBeLessThanOrEqual(letters(text));
      }),
    );
  });

  it('gives the plain text of a whole article, for the search', () => {
    expect(markdownText('## Kop\n\nEen **vette** [link](/x).\n\n- één\n- twee')).toBe('Kop\nEen vette link.\néén twee');
  });
});
