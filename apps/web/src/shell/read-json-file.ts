import { t } from '../i18n/en';

/** A chosen file's JSON as `unknown` (the api checks its shape), or a message fit to show. */
export async function readJsonFile(file: File): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  try {
    return { ok: true, value: JSON.parse(await file.text()) as unknown };
  } catch {
    return { ok: false, message: t('files.notJson', { name: file.name }) };
  }
}
