import { Injectable } from '@nestjs/common';
import type { AliasImportQuery, AliasImportReport } from '@app/shared/contracts/api/aliases';
import { ValidationError } from '@app/shared/contracts/errors';
import { exportAliasesFile, normaliseAliasesFile, type AliasFileNotice, type CozyGenAliasesFile } from '@app/shared/prompt/aliases-file';
import { AliasCategoriesRepository } from '@app/server/repositories/alias-categories.repository';
import { AliasLibraryRepository } from '@app/server/repositories/alias-library.repository';
import { AliasesRepository } from '@app/server/repositories/aliases.repository';
import { Clock } from '@app/server/system/clock';
import { applyAliasImport } from './apply-alias-import';

/** Notices about entries that were imported, if not quite as written; the rest were left out. */
const IMPORTED_WITH_NOTICE: ReadonlySet<AliasFileNotice['problem']> = new Set(['category-mismatch', 'duplicate']);

function toNote(notice: AliasFileNotice) {
  return { key: notice.key, reason: notice.problem, message: notice.message };
}

/** CozyGen's `aliases.json` in and out, through the shared normaliser and writer. */
@Injectable()
export class AliasesFileService {
  constructor(
    private readonly aliases: AliasesRepository,
    private readonly categories: AliasCategoriesRepository,
    private readonly library: AliasLibraryRepository,
    private readonly clock: Clock,
  ) {}

  /** The file is checked whole first: any invalid name (unless skipped) and nothing is written. */
  async import(userId: string, body: unknown, options: AliasImportQuery): Promise<AliasImportReport> {
    const parsed = normaliseAliasesFile(body, { onInvalid: options.onInvalid });
    if (!parsed.ok) throw new ValidationError('The aliases file has problems; nothing was imported', parsed.errors);
    const counts = await this.library.transaction((tx) => applyAliasImport({ tx, userId, mode: options.mode, now: this.clock.now() }, parsed.value));
    const notices = parsed.value.notices;
    return {
      ...counts,
      skipped: notices.filter((n) => !IMPORTED_WITH_NOTICE.has(n.problem)).map(toNote),
      notices: notices.filter((n) => IMPORTED_WITH_NOTICE.has(n.problem)).map(toNote),
    };
  }

  /** Aliases in creation order, so an imported file comes back in its own order. */
  async export(userId: string): Promise<CozyGenAliasesFile> {
    const [aliases, categories] = await Promise.all([this.aliases.listAll(userId), this.categories.list(userId)]);
    return exportAliasesFile(
      aliases.map(({ category, name, text }) => ({ category, name, text })),
      categories.map((c) => c.name),
    );
  }
}
