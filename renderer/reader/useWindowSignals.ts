import { useEffect, useLayoutEffect, useState } from 'react';
import { pageLayout, type PageLayout } from '../../common/reader/page-layout.ts';

export interface WindowSignals extends PageLayout {
  /** A count that changes when the web fonts have loaded. */
  fontsReady: number;
  /**
   * A ref for an empty element as wide as the text's full measure (var(--measure) at the
   * page's type size): its width follows the reader's settings without this hook knowing them.
   */
  measureRef: (el: HTMLElement | null) => void;
}

/** The page's layout at the window's width (see common/reader/page-layout.ts), and the fonts. */
export function useWindowSignals(panelOpen: boolean): WindowSignals {
  const [width, setWidth] = useState(() => window.innerWidth);
  const [probe, setProbe] = useState<HTMLElement | null>(null);
  const [measure, setMeasure] = useState(0);
  const [fontsReady, setFontsReady] = useState(0);
  useEffect(() => {
    let live = true;
    const onResize = () => setWidth(window.innerWidth);
    window.addEventListener('resize', onResize);
    document.fonts?.ready.then(
      () => live && setFontsReady((n) => n + 1),
      () => undefined,
    );
    return () => {
      live = false;
      window.removeEventListener('resize', onResize);
    };
  }, []);
  useLayoutEffect(() => {
    if (!probe) return;
    // The observer reports the probe's first size too, before the page is painted.
    const observer = new ResizeObserver(() => setMeasure(probe.getBoundingClientRect().width));
    observer.observe(probe);
    return () => observer.disconnect();
  }, [probe]);
  return { ...pageLayout(width, measure, panelOpen), fontsReady, measureRef: setProbe };
}
