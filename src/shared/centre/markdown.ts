/**
 * The small Markdown the knowledge base's articles are written in, parsed into plain data that
 * the web app turns into React elements: headings, paragraphs, bullet and numbered lists,
 * emphasis, strong text and links. Nothing becomes HTML: a tag in the source stays text, and a
 * link only keeps a web, mail or in-app address, so an article can never run a script.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'emphasis'; children: Inline[] }
  | { kind: 'strong'; children: Inline[] }
  | { kind: 'link'; href: string; children: Inline[] };

export type Block = { kind: 'heading'; level: 2 | 3; content: Inline[] } | { kind: 'paragraph'; content: Inline[] } | { kind: 'list'; ordered: boolean; items: Inline[][] };

const HEADING = /^(#{1,3})\s+(.*)$/;
const BULLET = /^[-*]\s+(.*)$/;
const NUMBERED = /^\d{1,3}[.)]\s+(.*)$/;

/** An address a link may keep: http(s), mailto, or a path of this app (never `//host`). */
export function isSafeHref(href: string): boolean {
  return /^(https?:\/\/|mailto:)[^\s]+$/i.test(href) || /^\/(?!\/)[^\s]*$/.test(href);
}

/** The blocks of a Markdown text; blank lines separate paragraphs. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', content: parseInline(paragraph.join(' ')) });
    if (list) blocks.push({ kind: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    paragraph = [];
    list = null;
  };
  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    const item = BULLET.exec(line) ?? NUMBERED.exec(line);
    if (line === '') flush();
    else if (heading) {
      flush();
      // The page's title is the h1, so `#` and `##` are both its sections (h2), `###` their parts.
      blocks.push({ kind: 'heading', level: Math.max(2, heading[1].length) as 2 | 3, content: parseInline(heading[2]) });
    } else if (item) {
      const ordered = !BULLET.test(line);
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, items: [] };
      list.items.push(item[1]);
    } else if (list && raw.startsWith(' ')) list.items[list.items.length - 1] += ` ${line}`;
    else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

/** Inline text: `**strong**`, `*emphasis*` or `_emphasis_`, `[text](address)`; anything else is text. */
export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let plain = '';
  const push = (node: Inline) => {
    if (plain) out.push({ kind: 'text', text: plain });
    plain = '';
    out.push(node);
  };
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('**', i)) {
      const end = text.indexOf('**', i + 2);
      if (end > i + 2) {
        push({ kind: 'strong', children: parseInline(text.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    const c = text[i];
    if (c === '*' || c === '_') {
      const end = text.indexOf(c, i + 1);
      if (end > i + 1 && text[i + 1] !== ' ') {
        push({ kind: 'emphasis', children: parseInline(text.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (c === '[') {
      const link = /^\[([^\]]+)\]\(([^)\s]*)\)/.exec(text.slice(i));
      if (link) {
        const children = parseInline(link[1]);
        if (isSafeHref(link[2])) push({ kind: 'link', href: link[2], children });
        else for (const child of children) push(child);
        i += link[0].length;
        continue;
      }
    }
    plain += c;
    i++;
  }
  if (plain) out.push({ kind: 'text', text: plain });
  return out;
}

/** The text of inline nodes without their marks: for search and summaries. */
export function plainText(nodes: readonly Inline[]): string {
  return nodes.map((node) => (node.kind === 'text' ? node.text : plainText(node.children))).join('');
}

/** A whole Markdown text as plain text, block by block. */
export function markdownText(source: string): string {
  return parseMarkdown(source)
    .map((block) => (block.kind === 'list' ? block.items.map(plainText).join(' ') : plainText(block.content)))
    .join('\n');
}
