import { useEffect, useRef, type ReactNode } from 'react';

let firstPageShown = false;

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} – LNEMIS`;
  }, [title]);
}

/**
 * A routed page: sets the document title and the page's single h1. After client-side navigation
 * focus moves to the heading, so that screen reader users hear where they have arrived.
 */
export function Page({ title, children, lead }: { title: string; children?: ReactNode; lead?: ReactNode }) {
  useDocumentTitle(title);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPageShown) {
      heading.current?.focus();
    }
    firstPageShown = true;
  }, []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1} className="page-title">
        {title}
      </h1>
      {lead ? <div className="lead">{lead}</div> : null}
      {children}
    </>
  );
}
