import { isTerminal } from '@app/shared/jobs/job-state';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SocketView } from './socket-view';
import { StandIns } from './stand-ins';
import { redisAnswers, Studio } from './studio';
import { StudioClient } from './studio-client';
import { StudioDb } from './studio-db';
import { holdsWithin, waitUntil } from './wait';

/** Prompts holding this text fail at run time on the stand-ins (their `failText` fault). */
export const DOOMED_MARK = 'chaos:doomed';
/** Images per job (the workflow's batch size). */
export const OUTPUTS_PER_JOB = 2;
const STEP_MS = 50;
/** Sampler steps: with the decode and save, about 0.7 s per job on a stand-in. */
const STEPS = 12;
const ADMIN = { email: 'chaos-admin@chaos.local', password: 'chaos-admin-password' };

export interface User {
  name: string;
  token: string;
  socket: SocketView;
}

export interface RigSettings {
  root: string;
  dir: string;
  backends: number;
  logLevel: string;
  log: (line: string) => void;
}

/**
 * Everything a chaos run works with: the stand-ins, the studio as `npm start` runs it, its
 * database read directly, an admin, and two members whose sockets stay open the whole run.
 */
export class Rig {
  private constructor(
    readonly standIns: StandIns,
    readonly studio: Studio,
    readonly db: StudioDb,
    readonly client: StudioClient,
    readonly adminToken: string,
    readonly users: User[],
    readonly workflowId: string,
    readonly dataDir: string,
  ) {}

  static async start(settings: RigSettings): Promise<Rig> {
    const { root, dir, log } = settings;
    const dataDir = join(dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    const standIns = await StandIns.start({ script: join(root, 'dist/apps/comfyui-sim/src/main.js'), dir, count: settings.backends, stepMs: STEP_MS, failText: DOOMED_MARK, log });
    let studio: Studio | undefined;
    try {
      studio = await Studio.start({ supervisor: join(root, 'dist/apps/supervisor/src/main.js'), dataDir, backends: standIns.urls, admin: ADMIN, logLevel: settings.logLevel, logFile: join(dir, 'studio.log') });
      return await Rig.prepare(settings, standIns, studio, dataDir);
    } catch (error) {
      await studio?.close();
      await standIns.stop();
      throw error;
    }
  }

  /** The admin, the workflow and the two members with their sockets. */
  private static async prepare(settings: RigSettings, standIns: StandIns, studio: Studio, dataDir: string): Promise<Rig> {
    const { root } = settings;
    const client = new StudioClient(() => studio.url);
    const adminToken = await client.apiToken(await client.login(ADMIN.email, ADMIN.password), ['read', 'generate', 'admin']);
    await backendsUp(client, adminToken, standIns.urls.length, 60_000);
    // A CozyGen workflow from the test fixtures: prompt, size, steps, batch size and a seed.
    const graph = JSON.parse(readFileSync(join(root, 'test/fixtures/workflows/cozygen/cozygen-flux-example.json'), 'utf8')) as unknown;
    const workflowId = await client.importWorkflow(adminToken, 'Chaos (Flux example)', graph);
    const users: User[] = [];
    try {
      for (const name of ['ada', 'bo']) {
        const account = await client.createMember(adminToken, name);
        const socket = new SocketView(studio.url, account.token, (id) => client.job(account.token, id));
        users.push({ name, token: account.token, socket });
        await socket.connected();
      }
    } catch (error) {
      for (const user of users) user.socket.close();
      throw error;
    }
    return new Rig(standIns, studio, new StudioDb(join(dataDir, 'app.db')), client, adminToken, users, workflowId, dataDir);
  }

  /** The values of one run; doomed ones fail on purpose at their text encoder. */
  values(label: string, doomed: boolean): Record<string, string | number> {
    return { Prompt: `${label}${doomed ? ` ${DOOMED_MARK}` : ''}`, Width: 256, Height: 256, Steps: STEPS, 'Batch Size': OUTPUTS_PER_JOB };
  }

  /** Stand-in index per backend id, read from the api (backends are matched by URL). */
  async backendIndexes(): Promise<Map<string, number>> {
    const urls = this.standIns.urls;
    return new Map((await this.client.backends(this.adminToken)).map((b) => [b.id, urls.indexOf(b.url.replace(/\/+$/, ''))]));
  }

  backendsUp(timeoutMs: number): Promise<void> {
    return backendsUp(this.client, this.adminToken, this.standIns.urls.length, timeoutMs);
  }

  /**
   * Restarts the studio (on the same data and port) when a part is missing or not answering after
   * a kill's recovery time: the run goes on, and the cycle reports what had to be done.
   */
  async heal(): Promise<string | undefined> {
    const problems: string[] = [];
    if (!this.studio.part('worker')) problems.push('no worker process');
    if (!(await this.studio.healthy())) problems.push('the api is not healthy');
    const redisPort = this.studio.redisPort();
    if (redisPort === undefined || !(await redisAnswers(redisPort))) problems.push('Redis is down');
    if (problems.length === 0) return undefined;
    await this.studio.restart();
    await this.backendsUp(60_000);
    for (const user of this.users) await user.socket.connected();
    return problems.join(', ');
  }

  /** Waits (at most `timeoutMs`) for these jobs to end; answers those still open. */
  async drain(jobIds: readonly string[], timeoutMs: number): Promise<string[]> {
    let open: string[] = [...jobIds];
    await holdsWithin(timeoutMs, async () => {
      open = (await this.db.jobs(open)).filter((r) => !isTerminal(r.status)).map((r) => r.id);
      return open.length === 0;
    }, 200);
    return open;
  }

  async close(): Promise<void> {
    for (const user of this.users) user.socket.close();
    await this.db.close();
    await this.studio.close();
    await this.standIns.stop();
  }
}

function backendsUp(client: StudioClient, adminToken: string, count: number, timeoutMs: number): Promise<void> {
  return waitUntil('every backend to be up', timeoutMs, async () => {
    const list = await client.backends(adminToken).catch(() => []);
    return list.length === count && list.every((b) => b.state === 'up');
  }, 200);
}
