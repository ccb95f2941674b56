import { Injectable } from '@nestjs/common';
import type { CompileRequest, CompileResponse, CreateWorkflow, UpdateWorkflow, WorkflowDetail, WorkflowMemory, WorkflowSummary } from '@app/shared/contracts/api/workflows';
import { planRuns } from '@app/shared/form/plan-runs';
import { validateValues } from '@app/shared/form/validate-values';
import { buildAliasIndex } from '@app/shared/prompt/alias-index';
import { createRandom } from '@app/shared/prompt/seeded-random';
import { prepareRun } from '@app/shared/workflow/prepare-run';
import { withRunDemands } from '@app/shared/workflow/run-demands';
import { AliasesRepository } from '@app/server/repositories/aliases.repository';
import { ConflictError, NotFoundError, ValidationError } from '@app/shared/contracts/errors';
import type { FormSchema } from '@app/shared/form/field-types';
import type { ApiGraph } from '@app/shared/workflow/api-graph';
import { WorkflowMemoryRepository } from '@app/server/repositories/workflow-memory.repository';
import { RunLimitsRepository } from '@app/server/repositories/run-limits.repository';
import { WorkflowsRepository, type WorkflowRecord } from '@app/server/repositories/workflows.repository';
import { Clock } from '@app/server/system/clock';
import { newId } from '@app/server/system/ids';
import { importWorkflowGraph } from '@app/server/workflows/workflow-import';
import type { AuthUser } from '../common/auth-user';
import { CatalogueService } from './catalogue.service';
import { RunCaps } from './run-caps.service';

/** A workflow version with its form as the backends offer it right now. */
export interface LiveWorkflow {
  record: WorkflowRecord;
  graph: ApiGraph;
  schema: FormSchema;
}

const NAME_TAKEN = [{ field: 'body.name', message: 'is already used by another workflow' }];

/** Workflows (§2.1): admins import and edit; everyone reads forms with live choices. */
@Injectable()
export class WorkflowsService {
  constructor(
    private readonly workflows: WorkflowsRepository,
    private readonly catalogue: CatalogueService,
    private readonly memories: WorkflowMemoryRepository,
    private readonly aliases: AliasesRepository,
    private readonly limits: RunLimitsRepository,
    private readonly caps: RunCaps,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<WorkflowSummary[]> {
    return (await this.workflows.list()).map(summary);
  }

  async detail(id: string): Promise<WorkflowDetail> {
    const live = await this.live(id);
    const version = await this.workflows.findVersion(id, live.record.version);
    return { ...summary(live.record), schema: live.schema, warnings: version?.warnings ?? [], limits: await this.limits.find() };
  }

  /**
   * The current version's graph and its form re-read against today's catalogue, so choice
   * lists are live (W-14); with no backend catalogue yet, the form stored at import.
   */
  async live(id: string): Promise<LiveWorkflow> {
    const record = await this.workflows.find(id);
    const version = record && (await this.workflows.findVersion(id, record.version));
    if (!record || !version) throw new NotFoundError('Workflow not found');
    const catalogue = await this.catalogue.current();
    const stored = { record, graph: version.graph as ApiGraph, schema: withRunDemands(version.schema, version.graph as ApiGraph) };
    if (!catalogue.objectInfo) return stored;
    const reread = importWorkflowGraph(version.graph, catalogue);
    return reread.ok ? { record, graph: reread.graph, schema: reread.schema } : stored;
  }

  /**
   * The form one version had when it was imported, with its run demands; the worker runs that
   * version with it (J-9 retries). Undefined when the version is gone.
   */
  async versionForm(id: string, version: number): Promise<FormSchema | undefined> {
    const found = await this.workflows.findVersion(id, version);
    return found && withRunDemands(found.schema, found.graph as ApiGraph);
  }

  async memory(user: AuthUser, id: string): Promise<WorkflowMemory> {
    if (!(await this.workflows.find(id))) throw new NotFoundError('Workflow not found');
    return (await this.memories.find(user.id, id)) ?? { values: {}, randomize: [], bypass: [], updatedAt: null };
  }

  /**
   * W-21: the graph a job with these values would send, without queueing anything — expanded
   * with the caller's aliases, compiled for the merged catalogue. Same seed, same graph.
   */
  async compile(user: AuthUser, id: string, input: CompileRequest): Promise<CompileResponse> {
    const workflow = await this.live(id);
    const bypass = input.bypass ?? [];
    const valid = validateValues(workflow.schema, input.values, { bypass });
    if (!valid.ok) throw new ValidationError('Some values are not valid', valid.errors.map((e) => ({ ...e, field: `body.${e.field}` })));
    const seed = input.seed ?? 0;
    const plan = planRuns(workflow.schema, valid.values, { randomize: input.randomize ?? [], bypass, count: 1, random: createRandom(seed, 'compile') });
    if (!plan.ok) throw new ValidationError('Some switches are not valid', plan.errors.map((e) => ({ ...e, field: `body.${e.field}` })));
    const [run] = plan.runs;
    if (!run) throw new ValidationError('Nothing to compile');
    await this.caps.assertWithin(workflow.schema, [run.values], bypass);
    const prepared = prepareRun({
      graph: workflow.graph,
      schema: workflow.schema,
      resolved: run.values,
      seed: run.seed,
      bypass,
      jobId: 'preview',
      aliases: buildAliasIndex(await this.aliases.listForExpansion(user.id)),
      objectInfo: (await this.catalogue.current()).objectInfo,
    });
    if (!prepared.ok) throw new ValidationError(prepared.errors[0]?.message ?? 'The workflow does not compile', prepared.errors);
    return { graph: prepared.graph, seed: run.seed, values: run.values, prompts: prepared.prompts.map(({ field, raw, expanded }) => ({ field, raw, expanded })) };
  }

  async create(user: AuthUser, input: CreateWorkflow): Promise<WorkflowDetail> {
    const imported = importWorkflowGraph(input.graph, await this.catalogue.current(), 'body.graph');
    if (!imported.ok) throw new ValidationError(imported.errors[0]?.message ?? 'Invalid workflow', imported.errors);
    const created = await this.workflows.create({
      id: newId(),
      name: input.name,
      description: input.description ?? '',
      type: input.type ?? imported.schema.type,
      schema: imported.schema,
      graph: imported.graph,
      warnings: imported.warnings,
      createdBy: user.id,
      now: this.clock.now(),
    });
    if (created === 'name-taken') throw new ConflictError('A workflow with this name exists', NAME_TAKEN);
    return { ...summary(created), schema: imported.schema, warnings: imported.warnings, limits: await this.limits.find() };
  }

  async update(id: string, input: UpdateWorkflow): Promise<WorkflowDetail> {
    let version: { graph: unknown; schema: FormSchema; warnings: { field: string; message: string }[] } | undefined;
    if (input.graph !== undefined) {
      const imported = importWorkflowGraph(input.graph, await this.catalogue.current(), 'body.graph');
      if (!imported.ok) throw new ValidationError(imported.errors[0]?.message ?? 'Invalid workflow', imported.errors);
      version = { graph: imported.graph, schema: imported.schema, warnings: imported.warnings };
    }
    const result = await this.workflows.update(id, { name: input.name, description: input.description, type: input.type, version }, this.clock.now());
    if (result === 'not-found') throw new NotFoundError('Workflow not found');
    if (result === 'name-taken') throw new ConflictError('A workflow with this name exists', NAME_TAKEN);
    return this.detail(result.id);
  }

  async remove(id: string): Promise<void> {
    if (!(await this.workflows.softDelete(id, this.clock.now()))) throw new NotFoundError('Workflow not found');
  }
}

function summary(record: WorkflowRecord): WorkflowSummary {
  const { id, name, description, type, source, version, updatedAt } = record;
  return { id, name, description, type, source, version, updatedAt };
}
