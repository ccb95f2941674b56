import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { outputListSchema } from '@app/shared/contracts/api/generations';
import type { OutputListItem } from '@app/shared/contracts/api/generations';
import { workflowDetailSchema, workflowListSchema, workflowMemorySchema } from '@app/shared/contracts/api/workflows';
import type { CreateWorkflow, UpdateWorkflow, WorkflowDetail, WorkflowMemory } from '@app/shared/contracts/api/workflows';
import { request } from '../../api/http';
import { useRemoteList } from '../../api/useRemoteList';
import { resetOnUserChange } from '../../auth/resetOnUserChange';

/** How many recent outputs are read to find each workflow's cover (W-3: the viewer's latest output). */
const COVER_SCAN = 100;

/** Workflows and their forms (§2): everyone reads, admins import, edit and delete. */
export const useWorkflowsStore = defineStore('workflows', () => {
  const list = useRemoteList(async () => (await request('GET', '/workflows', { schema: workflowListSchema })).items);
  const covers = ref<Record<string, OutputListItem>>({});

  const byId = computed(() => new Map(list.items.value.map((workflow) => [workflow.id, workflow])));

  /** The form with choice lists as the backends offer them now (W-14): read fresh each time. */
  function loadDetail(id: string): Promise<WorkflowDetail> {
    return request('GET', `/workflows/${id}`, { schema: workflowDetailSchema });
  }

  /** U-8: the user's last submitted values and switches for this workflow. */
  function loadMemory(id: string): Promise<WorkflowMemory> {
    return request('GET', `/workflows/${id}/memory`, { schema: workflowMemorySchema });
  }

  /** Covers are a nicety: a failure leaves the cards without one. */
  async function loadCovers(): Promise<void> {
    const recent = await request('GET', '/outputs', { query: { limit: String(COVER_SCAN) }, schema: outputListSchema }).catch(() => null);
    const found: Record<string, OutputListItem> = {};
    for (const output of recent?.items ?? []) if (output.kind !== 'audio') found[output.workflowId] ??= output;
    covers.value = found;
  }

  async function create(input: CreateWorkflow): Promise<WorkflowDetail> {
    const created = await request('POST', '/workflows', { body: input, schema: workflowDetailSchema });
    list.items.value = [...list.items.value, created].sort((a, b) => a.name.localeCompare(b.name));
    return created;
  }

  async function update(id: string, changes: UpdateWorkflow): Promise<WorkflowDetail> {
    const updated = await request('PATCH', `/workflows/${id}`, { body: changes, schema: workflowDetailSchema });
    list.replace(updated);
    return updated;
  }

  async function remove(id: string): Promise<void> {
    await request('DELETE', `/workflows/${id}`);
    list.drop(id);
  }

  resetOnUserChange(() => {
    covers.value = {};
  });

  return { items: list.items, state: list.state, byId, covers, load: list.load, loadDetail, loadMemory, loadCovers, create, update, remove };
});
