import { useEffect, useState } from 'react';

/** How long a passing message stays; the live region has spoken it by then. */
const STATUS_MS = 4000;

/** The reader's one line of passing news (saved, undone, failed), cleared after a while. */
export function useStatus(): [string, (message: string) => void] {
  const [status, setStatus] = useState('');
  useEffect(() => {
    if (!status) return;
    const timer = window.setTimeout(() => setStatus(''), STATUS_MS);
    return () => window.clearTimeout(timer);
  }, [status]);
  return [status, setStatus];
}
