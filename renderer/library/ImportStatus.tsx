import type { ImportSummary } from '../../common/api.ts';

export interface ImportProgress {
  done: number;
  total: number;
  /** The file being imported now, or null when the batch is over. */
  current: string | null;
  summary: ImportSummary | null;
}

/** "12 imported, 1 duplicate, 1 failed": what a batch did, in one line. */
export function summarize(summary: ImportSummary): string {
  const count = (status: string) => summary.results.filter((r) => r.status === status).length;
  const parts = [
    [count('imported'), 'imported'],
    [count('updated'), 'updated'],
    [count('duplicate'), count('duplicate') === 1 ? 'duplicate' : 'duplicates'],
    [count('failed'), 'failed'],
  ] as const;
  return parts
    .filter(([n]) => n > 0)
    .map(([n, word]) => `${n} ${word}`)
    .join(', ');
}

const baseName = (file: string) => file.split(/[\\/]/).pop() || file;

/** Progress while a batch imports, then its summary with the reason for each failure. */
export function ImportStatus({
  progress,
  onClose,
}: {
  progress: ImportProgress;
  onClose: () => void;
}) {
  const { summary } = progress;
  return (
    <div className="import-status" role="status" aria-live="polite">
      {summary ? (
        <>
          <p className="import-summary">{summarize(summary) || 'Nothing imported'}</p>
          <ul className="import-details">
            {summary.results
              .filter((r) => r.status === 'failed' || r.status === 'updated')
              .map((r) => (
                <li key={r.file}>
                  {r.status === 'failed'
                    ? `${baseName(r.file)}: ${r.error}`
                    : `${r.title ?? baseName(r.file)}: ${r.highlights?.kept ?? 0} highlights kept, ${r.highlights?.moved ?? 0} moved, ${r.highlights?.orphaned ?? 0} could not be placed`}
                </li>
              ))}
          </ul>
          <button type="button" className="tool-plain" onClick={onClose} aria-label="Close">
            ×
          </button>
        </>
      ) : (
        <>
          <p>
            {progress.total > 1
              ? `Importing ${progress.done + 1} of ${progress.total}: `
              : 'Importing '}
            {progress.current}
          </p>
          {progress.total > 1 && <progress max={progress.total} value={progress.done} />}
        </>
      )}
    </div>
  );
}
