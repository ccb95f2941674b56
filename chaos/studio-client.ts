import { loginResponseSchema } from '@app/shared/contracts/api/auth';
import { backendListSchema, type BackendView } from '@app/shared/contracts/api/backends';
import { createdGenerationsSchema, jobDetailSchema, jobListSchema, type JobDetail, type JobSummary } from '@app/shared/contracts/api/generations';
import { createdTokenSchema } from '@app/shared/contracts/api/tokens';
import { workflowDetailSchema } from '@app/shared/contracts/api/workflows';
import type { FormValues } from '@app/shared/form/field-types';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

const unknownSchema = z.unknown();

/** A REST answer other than the one expected. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Account {
  email: string;
  /** A personal API token (never expires), so sockets and calls outlive the 15-minute access tokens. */
  token: string;
}

/** The studio's REST api as the harness uses it; every answer is parsed by the shared schema. */
export class StudioClient {
  constructor(private readonly baseUrl: () => string) {}

  async call<S extends z.ZodType>(token: string | undefined, method: string, path: string, schema: S, body?: unknown, expect = 200): Promise<z.output<S>> {
    const response = await fetch(`${this.baseUrl()}/api${path}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await response.text();
    if (response.status !== expect) throw new ApiError(response.status, `${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
    return schema.parse(text ? (JSON.parse(text) as unknown) : undefined);
  }

  async login(email: string, password: string): Promise<string> {
    return (await this.call(undefined, 'POST', '/auth/login', loginResponseSchema, { email, password })).accessToken;
  }

  /** An API token of the signed-in account. */
  async apiToken(accessToken: string, scopes: string[]): Promise<string> {
    return (await this.call(accessToken, 'POST', '/tokens', createdTokenSchema, { name: `chaos ${randomUUID().slice(0, 8)}`, scopes }, 201)).secret;
  }

  /** A member made the way people are: created by the admin, signs in once and picks a password. */
  async createMember(adminToken: string, name: string): Promise<Account> {
    const email = `${name}-${randomUUID().slice(0, 8)}@chaos.local`;
    const initial = `initial-${randomUUID()}`;
    await this.call(adminToken, 'POST', '/users', unknownSchema, { email, password: initial, role: 'member' }, 201);
    const first = await this.login(email, initial);
    const password = `chosen-${randomUUID()}`;
    await this.call(first, 'POST', '/auth/password', unknownSchema, { currentPassword: initial, newPassword: password }, 204);
    return { email, token: await this.apiToken(await this.login(email, password), ['read', 'generate']) };
  }

  async importWorkflow(adminToken: string, name: string, graph: unknown): Promise<string> {
    return (await this.call(adminToken, 'POST', '/workflows', workflowDetailSchema, { name, graph }, 201)).id;
  }

  async backends(adminToken: string): Promise<BackendView[]> {
    return (await this.call(adminToken, 'GET', '/backends', backendListSchema)).items;
  }

  async submit(token: string, workflowId: string, values: FormValues, count: number): Promise<string[]> {
    const created = await this.call(token, 'POST', '/generations', createdGenerationsSchema, { workflowId, values, randomize: ['Seed'], count }, 202);
    return created.jobs.map((j) => j.id);
  }

  job(token: string, id: string): Promise<JobDetail> {
    return this.call(token, 'GET', `/generations/${id}`, jobDetailSchema);
  }

  /** The account's job list, newest first, until `stop` says a job is older than wanted. */
  async jobList(token: string, stop: (job: JobSummary) => boolean): Promise<JobSummary[]> {
    const items: JobSummary[] = [];
    for (let cursor: string | null = null; ; ) {
      const query: string = cursor ? `?limit=200&cursor=${encodeURIComponent(cursor)}` : '?limit=200';
      const page = await this.call(token, 'GET', `/generations${query}`, jobListSchema);
      for (const item of page.items) {
        if (stop(item)) return items;
        items.push(item);
      }
      if (!page.nextCursor) return items;
      cursor = page.nextCursor;
    }
  }
}
