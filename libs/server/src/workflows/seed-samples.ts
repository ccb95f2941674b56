import type { WorkflowsRepository } from '../repositories/workflows.repository';
import { newId } from '../system/ids';
import { sampleWorkflows } from './samples';
import { importWorkflowGraph } from './workflow-import';

/** W-4: the sample workflows, added once on the first start (with the first admin). */
export async function seedSampleWorkflows(workflows: WorkflowsRepository, now: number): Promise<number> {
  let added = 0;
  for (const sample of sampleWorkflows()) {
    const imported = importWorkflowGraph(sample.graph, { objectInfo: undefined, models: {} });
    if (!imported.ok) throw new Error(`sample workflow ${sample.name} does not parse: ${imported.errors[0]?.message}`);
    const created = await workflows.create({
      id: newId(),
      name: sample.name,
      description: sample.description,
      type: imported.schema.type,
      schema: imported.schema,
      graph: imported.graph,
      warnings: imported.warnings,
      createdBy: null,
      now,
    });
    if (created !== 'name-taken') added += 1;
  }
  return added;
}
