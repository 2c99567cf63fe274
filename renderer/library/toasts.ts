/**
 * Short messages after an action ("Moved … to the trash. Undo"), kept in one place so that the
 * stack (ToastStack.tsx) shows them together and can clear them when the view changes.
 */
import { useSyncExternalStore } from 'react';

/** A button on a toast; running it also dismisses the toast. */
export interface ToastAction {
  label: string;
  run: () => void | Promise<void>;
}

export interface Toast {
  /** A toast shown again under the same key replaces the one before. */
  key: string;
  text: string;
  actions?: ToastAction[];
}

let toasts: readonly Toast[] = [];
const listeners = new Set<() => void>();

function set(next: readonly Toast[]): void {
  toasts = next;
  for (const listener of [...listeners]) listener();
}

/** Shows a toast (replacing one with the same key). */
export function showToast(toast: Toast): void {
  set([...toasts.filter((t) => t.key !== toast.key), toast]);
}

/** Removes the toast with `key`, if shown. */
export function dismissToast(key: string): void {
  if (toasts.some((t) => t.key === key)) set(toasts.filter((t) => t.key !== key));
}

/** Removes every toast (a change of view: they belonged to the view that was left). */
export function clearToasts(): void {
  if (toasts.length) set([]);
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** The toasts shown now. */
export function useToasts(): readonly Toast[] {
  return useSyncExternalStore(subscribe, () => toasts);
}
