import type { ReactNode } from 'react';

/** A wide table's scroll box, focusable and named, so keyboard users can scroll it too (WCAG 2.1.1). */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
