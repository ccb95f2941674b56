import { Injectable } from '@nestjs/common';
import type { TagImportReport } from '@app/shared/contracts/api/tags';
import { ConflictError, ValidationError } from '@app/shared/contracts/errors';
import { withoutUnsafeCharacters } from '@app/shared/contracts/safe-text';
import { Clock } from '@app/server/system/clock';
import { loadTagList } from '@app/server/tags/load-tag-list';
import { readTagListFile } from '@app/server/tags/read-tag-list';
import { TagListsRepository } from '@app/server/tags/tag-lists.repository';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { UserSockets } from '../events/user-sockets';
import { throttleProgress } from './progress-throttle';

/** Line errors listed in one answer; the message gives the full count. */
const MAX_LINE_ERRORS = 100;

/**
 * T-2: an admin replaces the tag list. The file is read whole first (any bad line → 400, nothing
 * written); the new list is then loaded beside the old one, which serves until the switch.
 * Progress goes to the importing admin's sockets as `tags.import.progress`; once the new list is
 * served, every browser hears `tags.list.changed` and drops its cached answers.
 */
@Injectable()
export class TagImportService {
  private running = false;

  constructor(
    private readonly lists: TagListsRepository,
    private readonly clock: Clock,
    private readonly sockets: UserSockets,
    @InjectPinoLogger(TagImportService.name) private readonly logger: PinoLogger,
  ) {}

  async import(data: Buffer, fileName: string | undefined, userId: string): Promise<TagImportReport> {
    const report = throttleProgress((progress) => this.sockets.send(userId, 'tags.import.progress', progress), () => this.clock.now());
    report({ phase: 'reading', loaded: 0, total: null });
    const read = readTagListFile(data);
    if (!read.ok) {
      const errors = read.errors.slice(0, MAX_LINE_ERRORS).map(({ line, reason }) => ({ field: `file.line.${line}`, message: `line ${line}: ${reason}` }));
      throw new ValidationError(read.message, errors.length > 0 ? errors : [{ field: 'file', message: 'holds no tags' }]);
    }
    if (this.running) throw new ConflictError('Another tag list import is running; try again when it has finished');
    this.running = true;
    // The source is shown to every user: no control or text-direction characters from the file name.
    const source = withoutUnsafeCharacters(fileName ?? '').trim() || 'tags upload';
    try {
      const started = this.clock.now();
      await loadTagList(this.lists, { source, format: read.format, tags: read.tags }, { now: () => this.clock.now(), onProgress: report });
      this.logger.info({ source, tags: read.tags.length, ms: this.clock.now() - started }, 'tag list imported');
      this.sockets.broadcast('tags.list.changed', { source });
    } finally {
      this.running = false;
    }
    return { source, format: read.format, loaded: read.tags.length, skipped: read.skipped };
  }
}
