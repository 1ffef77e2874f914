import type { ReactNode } from 'react';
import { type Block, type Inline, parseMarkdown } from '../../shared/centre/markdown';
import { Link } from '../router';

/** An article's Markdown as React elements: text stays text, so nothing in an article runs as HTML. */
export function ArticleBody({ markdown }: { markdown: string }) {
  return <div className="article-body">{parseMarkdown(markdown).map(block)}</div>;
}

function block(node: Block, key: number): ReactNode {
  if (node.kind === 'heading') {
    const Heading = `h${node.level}` as const;
    return <Heading key={key}>{inline(node.content)}</Heading>;
  }
  if (node.kind === 'paragraph') return <p key={key}>{inline(node.content)}</p>;
  const List = node.ordered ? 'ol' : 'ul';
  return (
    <List key={key}>
      {node.items.map((item, i) => (
        <li key={i}>{inline(item)}</li>
      ))}
    </List>
  );
}

function inline(nodes: Inline[]): ReactNode[] {
  return nodes.map((node, key) => {
    if (node.kind === 'text') return node.text;
    if (node.kind === 'strong') return <strong key={key}>{inline(node.children)}</strong>;
    if (node.kind === 'emphasis') return <em key={key}>{inline(node.children)}</em>;
    return node.href.startsWith('/') ? (
      <Link key={key} href={node.href}>
        {inline(node.children)}
      </Link>
    ) : (
      <a key={key} href={node.href} rel="noopener noreferrer">
        {inline(node.children)}
      </a>
    );
  });
}
