import type { Socket } from 'node:net';
import type { Catalogue } from '../catalogue/catalogue';
import type { ModelLists } from '../catalogue/model-folders';
import type { Engine } from '../engine/engine';
import type { FaultSwitch } from '../faults';
import type { RequestTally } from '../http/request-tally';
import type { SimDirs } from '../storage/sim-dirs';

/** What route handlers need; `engine()` is the current lifetime's (it changes on restart). */
export interface RouteDeps {
  engine(): Engine;
  catalogue: Catalogue;
  dirs: SimDirs;
  faults: FaultSwitch;
  requests: RequestTally;
  models: ModelLists;
  maxUploadSize: number;
  features(): Record<string, unknown>;
  systemStats(): Record<string, unknown>;
  /** Restarts the server, keeping `keep` open so the caller can still answer on it. */
  restart(keep?: Socket): Promise<void>;
}
