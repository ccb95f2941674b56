import { Inject, Injectable } from '@nestjs/common';
import { mergeModelFolders, mergeObjectInfo } from '@app/shared/comfy/merge-object-info';
import type { Database } from '@app/server/db/database';
import { DATABASE } from '@app/server/db/database.tokens';
import { BackendsRepository } from '@app/server/repositories/backends.repository';
import type { Catalogue } from '@app/server/workflows/workflow-import';

/**
 * What the backends offer, merged (W-14), from the catalogues the worker stores (E-3). Parsed
 * again only when a backend's catalogue changed: it is ~400 KB of JSON per backend.
 */
@Injectable()
export class CatalogueService {
  private cached: { stamp: string; catalogue: Catalogue } | undefined;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly backends: BackendsRepository,
  ) {}

  async current(): Promise<Catalogue> {
    const stamp = await this.stamp();
    if (this.cached?.stamp === stamp) return this.cached.catalogue;
    const catalogues = await this.backends.catalogues();
    const catalogue: Catalogue = {
      objectInfo: catalogues.length > 0 ? mergeObjectInfo(catalogues.map((c) => c.objectInfo)) : undefined,
      models: mergeModelFolders(catalogues.map((c) => c.models)),
    };
    this.cached = { stamp, catalogue };
    return catalogue;
  }

  private async stamp(): Promise<string> {
    const row = await this.db
      .selectFrom('backends')
      .select((eb) => [eb.fn.max('capabilitiesAt').as('latest'), eb.fn.countAll<number>().as('n')])
      .where('enabled', '=', 1)
      .executeTakeFirstOrThrow();
    return `${String(row.latest)}:${String(row.n)}`;
  }
}
