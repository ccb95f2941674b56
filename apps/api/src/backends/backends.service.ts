import { Injectable } from '@nestjs/common';
import type { BackendList, BackendView } from '@app/shared/contracts/api/backends';
import { ConflictError, NotFoundError } from '@app/shared/contracts/errors';
import { CatalogueRefreshRequests } from '@app/server/queue/catalogue-refresh-requests';
import { BackendsRepository, type BackendRecord } from '@app/server/repositories/backends.repository';
import { JobsRepository } from '@app/server/repositories/jobs.repository';

/** How long a refresh request waits for a worker to store the new catalogue (~400 KB of /object_info). */
const REFRESH_WAIT_MS = 20_000;
const REFRESH_POLL_MS = 100;

/** E-2 / W-14: the backends admins see, and reading one's catalogue again on request. */
@Injectable()
export class BackendsService {
  constructor(
    private readonly backends: BackendsRepository,
    private readonly jobs: JobsRepository,
    private readonly refreshRequests: CatalogueRefreshRequests,
  ) {}

  async list(): Promise<BackendList> {
    const [records, queued] = await Promise.all([this.backends.list(), this.jobs.countQueued()]);
    return { items: await this.views(records), queued };
  }

  /**
   * Asks the workers to read the backend's catalogue now and waits until one has stored it:
   * `refreshed: false` when none did within 20 s (it still happens when a worker gets to it).
   */
  async refresh(id: string): Promise<{ refreshed: boolean; backend: BackendView }> {
    const before = await this.backends.find(id);
    if (!before) throw new NotFoundError('Backend not found');
    if (before.state !== 'up') throw new ConflictError(`The backend is ${before.state}; its catalogue is read again as soon as it is up`);
    await this.refreshRequests.request(id);
    const deadline = Date.now() + REFRESH_WAIT_MS;
    for (;;) {
      const now = (await this.backends.find(id)) ?? before;
      const refreshed = now.catalogueAt !== null && now.catalogueAt !== before.catalogueAt;
      if (refreshed || Date.now() >= deadline) return { refreshed, backend: (await this.views([now]))[0]! };
      await new Promise((resolve) => setTimeout(resolve, REFRESH_POLL_MS));
    }
  }

  private async views(records: readonly BackendRecord[]): Promise<BackendView[]> {
    const counts = await this.jobs.countByBackend();
    return records.map((b) => ({ ...b, ...(counts.get(b.id) ?? { running: 0, waiting: 0 }) }));
  }
}
