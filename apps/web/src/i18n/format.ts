import { t } from './en';

const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });
const dateOnly = new Intl.DateTimeFormat('en', { dateStyle: 'medium' });

/** A Unix-ms instant as the user reads it, in their time zone. */
export function formatDateTime(ms: number): string {
  return dateTime.format(ms);
}

export function formatDate(ms: number): string {
  return dateOnly.format(ms);
}

/**
 * A wait, rounded up to what a person would say.
 * @example formatDuration(45) // '45 s'; formatDuration(61) // '2 min'
 */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return t('duration.seconds', { count: Math.max(1, Math.ceil(seconds)) });
  return t('duration.minutes', { count: Math.ceil(seconds / 60) });
}

/**
 * A running time as a clock shows it.
 * @example formatElapsed(65_000) // '1:05'; formatElapsed(3_725_000) // '1:02:05'
 */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });

/**
 * A post count the way tag suggestions show it (T-5): short and lower-case.
 * @example formatCompactCount(1234) // '1.2k'; formatCompactCount(4_300_000) // '4.3m'; formatCompactCount(950) // '950'
 */
export function formatCompactCount(count: number): string {
  return compact.format(count).toLowerCase();
}
