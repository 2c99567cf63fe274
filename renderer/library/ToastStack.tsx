import { useEffect, type ReactNode } from 'react';
import { clearToasts, dismissToast, useToasts } from './toasts.ts';
import './library.css';

/**
 * Where toasts and the import status appear: in the empty space beside the library's column
 * when the window is wide enough, so that they cover no text and no button; on a narrow window,
 * along the bottom, with room kept below the library so that nothing stays hidden under them.
 * Toasts belong to the view they were shown in and are cleared when the view changes.
 */
export function ToastStack({ view, children }: { view: string; children?: ReactNode }) {
  const toasts = useToasts();
  useEffect(() => clearToasts, [view]);
  const empty = toasts.length === 0 && !children;
  return (
    <div className="toast-stack" hidden={empty}>
      {children}
      {toasts.map((t) => (
        <div key={t.key} className="undo-toast" role="status">
          <span className="toast-text">{t.text}</span>
          {t.actions?.map((a) => (
            <button
              key={a.label}
              type="button"
              onClick={() => {
                dismissToast(t.key);
                void a.run();
              }}
            >
              {a.label}
            </button>
          ))}
          <button
            type="button"
            className="tool-plain"
            aria-label="Dismiss"
            onClick={() => dismissToast(t.key)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
