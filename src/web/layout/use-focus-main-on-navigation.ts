import { useEffect, useRef, type RefObject } from 'react';
import { useLocation } from 'react-router';

/**
 * After a client-side navigation, moves focus to the returned element (the page's main) so
 * screen-reader and keyboard users start at the new content, as after a full page load.
 */
export function useFocusMainOnNavigation(): RefObject<HTMLElement | null> {
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);
  return main;
}
