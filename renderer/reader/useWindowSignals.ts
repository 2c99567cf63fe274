import { useEffect, useState } from 'react';

/** Below this width the margin folds into markers beside the text. */
const NARROW_WIDTH = 960;

/** Whether the window is narrow, and a count that changes when the web fonts have loaded. */
export function useWindowSignals(): { narrow: boolean; fontsReady: number } {
  const [narrow, setNarrow] = useState(() => window.innerWidth < NARROW_WIDTH);
  const [fontsReady, setFontsReady] = useState(0);
  useEffect(() => {
    let live = true;
    const onResize = () => setNarrow(window.innerWidth < NARROW_WIDTH);
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
  return { narrow, fontsReady };
}
