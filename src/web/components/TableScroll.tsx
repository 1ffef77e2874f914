import type { ReactNode } from 'react';

/**
 * The frame of a table that may be wider than a phone: it scrolls sideways on its own, so the
 * page does not, and takes the focus, so a keyboard can scroll it too (named by `label`).
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
