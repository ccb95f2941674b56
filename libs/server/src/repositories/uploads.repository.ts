import { Inject, Injectable } from '@nestjs/common';
import type { Database } from '../db/database';
import { DATABASE } from '../db/database.tokens';
import type { UploadsTable } from '../db/schema';

/** One stored upload (S-15); `relPath` is below the uploads folder and derived from ids. */
export type UploadRecord = UploadsTable;

/** Position in a newest-first listing: the last item of the previous page. */
export interface UploadCursor {
  createdAt: number;
  id: string;
}

/** Image uploads (J-2), each private to its owner (U-5). */
@Injectable()
export class UploadsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async create(upload: UploadRecord): Promise<void> {
    await this.db.insertInto('uploads').values(upload).execute();
  }

  findForUser(userId: string, id: string): Promise<UploadRecord | undefined> {
    return this.db.selectFrom('uploads').selectAll().where('id', '=', id).where('userId', '=', userId).executeTakeFirst();
  }

  /** Newest first, ties broken by id; `after` continues from a previous page's last item. */
  listForUser(userId: string, page: { after?: UploadCursor; limit: number }): Promise<UploadRecord[]> {
    let query = this.db.selectFrom('uploads').selectAll().where('userId', '=', userId);
    const after = page.after;
    if (after) {
      query = query.where((eb) => eb.or([eb('createdAt', '<', after.createdAt), eb.and([eb('createdAt', '=', after.createdAt), eb('id', '<', after.id)])]));
    }
    return query.orderBy('createdAt', 'desc').orderBy('id', 'desc').limit(page.limit).execute();
  }

  /** Deletes the owner's record and returns it (its files are the caller's to remove). */
  async delete(userId: string, id: string): Promise<UploadRecord | undefined> {
    return this.db.transaction().execute(async (trx) => {
      const upload = await trx.selectFrom('uploads').selectAll().where('id', '=', id).where('userId', '=', userId).executeTakeFirst();
      if (upload) await trx.deleteFrom('uploads').where('id', '=', id).execute();
      return upload;
    });
  }
}
