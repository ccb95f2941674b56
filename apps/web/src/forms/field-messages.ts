import type { z } from 'zod';
import { t } from '../i18n/en';

/** Catalogue messages for zod's built-in checks; a schema's own message (e.g. passwords) wins over these. */
export function catalogueMessage(issue: z.core.$ZodRawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return t('validation.required');
      return issue.expected === 'int' ? t('validation.wholeNumber') : undefined;
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('validation.required') : t('validation.tooShort', { min: Number(issue.minimum) });
      if (issue.origin === 'number') return t('validation.atLeast', { min: Number(issue.minimum) });
      return issue.origin === 'array' ? t('validation.pickOne') : undefined;
    case 'too_big':
      if (issue.origin === 'number') return t('validation.atMost', { max: Number(issue.maximum) });
      return issue.origin === 'string' ? t('validation.tooLong', { max: Number(issue.maximum) }) : undefined;
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : undefined;
    default:
      return undefined;
  }
}

/** Server and schema messages are often fragments ("is already taken"); shown alone they start upper-case. */
export function asSentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** One message per field (the first), keyed by the dotted path, from a failed parse. */
export function issuesByField(error: z.ZodError): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const issue of error.issues) byField[issue.path.join('.')] ??= asSentence(issue.message);
  return byField;
}
