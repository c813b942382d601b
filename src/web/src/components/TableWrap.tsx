import type { ReactNode } from 'react';

/**
 * Lets a wide table scroll sideways on a narrow screen. The wrapper can take focus so that
 * keyboard users can scroll it too, and is named so that the focus stop makes sense.
 */
export function TableWrap({ label, busy, children }: { label: string; busy?: boolean; children: ReactNode }) {
  return (
    <div className="table-wrap" role="region" aria-label={label} tabIndex={0} aria-busy={busy || undefined}>
      {children}
    </div>
  );
}
