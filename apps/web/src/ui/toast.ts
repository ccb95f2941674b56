export type ToastTone = 'info' | 'success' | 'error';

/** A button on a toast, such as Undo: pressing it runs `run` once and closes the toast. */
export interface ToastAction {
  label: string;
  run: () => Promise<unknown> | void;
}

/** One short notice in the ToastList. */
export interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
  action?: ToastAction;
}
