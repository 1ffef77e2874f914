import type { ReactNode } from 'react';
import { PageHeading } from './PageHeading';

interface Props {
  /** The heading, and the page's name in the browser tab. */
  title: string;
  children?: ReactNode;
  /** Take the focus even on the first page load, as PageHeading's `focus`. */
  focus?: boolean;
  testId?: string;
}

/**
 * A short page under its own heading: a load that failed, a scan handed in, a single form.
 * School pages put their SchoolNav first among the children.
 */
export function NarrowPage({ title, children, focus, testId }: Props) {
  return (
    <section className="page page-narrow" data-testid={testId}>
      <PageHeading title={title} focus={focus}>
        {title}
      </PageHeading>
      {children}
    </section>
  );
}
