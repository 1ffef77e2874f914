import { type ReactNode, useEffect, useRef } from 'react';
import { useI18n } from '../i18n';
import { hasNavigated } from '../router';

interface Props {
  children: ReactNode;
  /** The page's name in the browser tab. */
  title: string;
  /** Take the focus even on the first page load (each step of the scan does). */
  focus?: boolean;
  className?: string;
}

/**
 * The page's single h1. It takes the focus when it appears after a navigation, so
 * keyboard and screen-reader users start reading the new page at its top.
 */
export function PageHeading({ children, title, focus = false, className }: Props) {
  const ref = useRef<HTMLHeadingElement>(null);
  const { t } = useI18n();

  useEffect(() => {
    if (focus || hasNavigated()) ref.current?.focus();
  }, [focus]);

  useEffect(() => {
    document.title = t('app.pageTitle', { page: title });
  }, [t, title]);

  return (
    <h1 ref={ref} tabIndex={-1} className={className}>
      {children}
    </h1>
  );
}
