import type { ModelLists } from './catalogue/model-folders';
import type { FaultUpdate, SimFaults } from './faults';

export interface SimOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Base holding `input/`, `output/`, `temp/`; default a fresh temp dir, removed on `stop()`. */
  dataDir?: string;
  /** Simulated milliseconds per sampler step; default 50. */
  stepMs?: number;
  /** Model folder → file names, replacing the default list of each folder named. */
  models?: ModelLists;
  /** Register the test-only `CaptureProgressPreview` node (transcripts 08–09); default false. */
  testNodes?: boolean;
  /** Serve the stand-in custom-node catalogue (GGUF, VHS, KJNodes, …); default true. */
  customNodes?: boolean;
  /** Delay between `execution_success`/`_error` and the history write; default 0. */
  historyDelayMs?: number;
  /** `max_upload_size` of `/features`, the cap on every request body; default 104857600. */
  maxUploadSize?: number;
  /** Samplers send preview frames (a real server's default is none); default true. */
  previews?: boolean;
  /** Faults in force from the start. */
  faults?: FaultUpdate;
  /** A file to which every prompt's start and end are appended (JSON lines), kept across restarts. */
  executionLog?: string;
}

/** Fault controls of a running stand-in. */
export interface SimFaultControl {
  get(): SimFaults;
  /** Applies a partial update; `dropSockets: true` closes every socket at once. */
  set(update: FaultUpdate): SimFaults;
  clear(): SimFaults;
}

export interface RunningSim {
  /** `http://127.0.0.1:PORT` */
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
  /**
   * A server restart: queue, history, cache, socket registrations and the `number` counter lost,
   * `temp/` wiped, `input/` and `output/` kept, same port.
   */
  restart(): Promise<void>;
  faults: SimFaultControl;
  /** Requests answered per route (`POST /interrupt`, `GET /history/{prompt_id}`), restarts included. */
  requests: { count(route: string): number };
}

export interface SimSettings {
  port: number;
  host: string;
  stepMs: number;
  models: ModelLists;
  testNodes: boolean;
  customNodes: boolean;
  historyDelayMs: number;
  maxUploadSize: number;
  previews: boolean;
  executionLog: string | undefined;
}

export const DEFAULT_MAX_UPLOAD_SIZE = 104857600;

export function resolveSettings(options: SimOptions): SimSettings {
  return {
    port: options.port ?? 0,
    host: options.host ?? '127.0.0.1',
    stepMs: options.stepMs ?? 50,
    models: options.models ?? {},
    testNodes: options.testNodes ?? false,
    customNodes: options.customNodes ?? true,
    historyDelayMs: options.historyDelayMs ?? 0,
    maxUploadSize: options.maxUploadSize ?? DEFAULT_MAX_UPLOAD_SIZE,
    previews: options.previews ?? true,
    executionLog: options.executionLog,
  };
}
