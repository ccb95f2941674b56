export type ToastTone = 'info' | 'success' | 'error';

/** One short notice in the ToastList. */
export interface Toast {
  id: number;
  message: string;
  tone: ToastTone;
}
