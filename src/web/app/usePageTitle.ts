import { useEffect } from 'react';

/** Sets document.title to "<title> · Legato" while the page is shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Legato` : 'Legato';
  }, [title]);
}
