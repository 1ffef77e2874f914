import type { Front } from '../../shared/platform/fronts';

export const knowledgePath = '/kennis';
export const articlePath = (slug: string) => `/kennis/${encodeURIComponent(slug)}`;

/** The knowledge base's search as it lives in the address: words, front, competence. */
export interface KnowledgeSearch {
  q: string;
  front: Front | '';
  competence: string;
}

export function knowledgeHref({ q, front, competence }: KnowledgeSearch): string {
  const query = new URLSearchParams();
  if (q.trim()) query.set('q', q.trim());
  if (front) query.set('front', front);
  if (competence) query.set('competence', competence);
  const text = query.toString();
  return text ? `${knowledgePath}?${text}` : knowledgePath;
}
