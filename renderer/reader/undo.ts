/** One undoable change: how to take it back and how to make it again. */
export interface UndoStep {
  label: string;
  undo(): Promise<void>;
  redo(): Promise<void>;
}

/**
 * The reader's undo history. Steps run one at a time, so a fast Ctrl+Z Ctrl+Z never
 * interleaves two changes to the store.
 */
export class UndoHistory {
  private done: UndoStep[] = [];
  private undone: UndoStep[] = [];
  private queue: Promise<void> = Promise.resolve();

  push(step: UndoStep): void {
    this.done.push(step);
    this.undone = [];
  }

  undo(): Promise<string | null> {
    return this.run(
      () => this.done.pop(),
      (s) => s.undo(),
      (s) => this.undone.push(s),
    );
  }

  redo(): Promise<string | null> {
    return this.run(
      () => this.undone.pop(),
      (s) => s.redo(),
      (s) => this.done.push(s),
    );
  }

  private run(
    take: () => UndoStep | undefined,
    act: (s: UndoStep) => Promise<void>,
    keep: (s: UndoStep) => void,
  ): Promise<string | null> {
    const result = this.queue.then(async () => {
      const step = take();
      if (!step) return null;
      await act(step);
      keep(step);
      return step.label;
    });
    this.queue = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
