import type { ReactNode } from 'react';
import type { PaperSource } from '@/lib/catalog/types';
import { Footer } from './Footer';

/**
 * The popup's frame: the header, what the screen shows, the footer. The popup (App) and the
 * stored first screen painted before it (StoredFirstScreen) both draw it, so the one replaces the other
 * without the page moving.
 */
export function PopupFrame({ busy, counts, children }: { busy: boolean; counts: Record<PaperSource, number> | undefined; children: ReactNode }) {
  return (
    <main className="popup" aria-busy={busy}>
      <header className="pl-header">
        <img src="/icon/32.png" alt="" width={20} height={20} />
        <h1>PaperLens</h1>
      </header>
      {children}
      <Footer counts={counts} />
    </main>
  );
}
