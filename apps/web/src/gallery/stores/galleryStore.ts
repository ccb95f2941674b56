import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { outputDetailSchema, outputListSchema } from '@app/shared/contracts/api/generations';
import type { OutputDetail, OutputListItem } from '@app/shared/contracts/api/generations';
import { request } from '../../api/http';
import { useCursorPages } from '../../api/useCursorPages';
import { resetOnUserChange } from '../../auth/resetOnUserChange';
import { useJobsStore } from '../../queue/stores/jobsStore';
import { reportError } from '../../shell/reportError';

/** G-2's default page size. */
export const GALLERY_PAGE_SIZE = 60;

/**
 * The user's outputs newest first (G-1, G-2), one page at a time, optionally for one workflow.
 * Pages stay put while new outputs arrive: those are counted (`fresh`) until the user shows them.
 */
export const useGalleryStore = defineStore('gallery', () => {
  const jobs = useJobsStore();
  const workflowId = ref<string | null>(null);
  const details = ref<Record<string, OutputDetail>>({});
  /** The first page as read after a reconnect: outputs saved while the socket was down. */
  const missed = ref<OutputListItem[]>([]);
  const pages = useCursorPages(
    (cursor) => request('GET', '/outputs', { query: query(cursor), schema: outputListSchema }),
    (item) => item.id,
  );
  const { items, state, nextCursor, isLoadingMore, loadMore } = pages;

  const fresh = computed(() => {
    const newest = items.value[0]?.createdAt ?? 0;
    const known = new Set(items.value.map((item) => item.id));
    const found: OutputListItem[] = [];
    for (const output of [...jobs.arrivals, ...missed.value]) {
      if (known.has(output.id) || output.createdAt < newest || (workflowId.value !== null && output.workflowId !== workflowId.value)) continue;
      known.add(output.id);
      found.push(output);
    }
    return found.sort((a, b) => b.createdAt - a.createdAt);
  });

  function query(cursor: string | null): Record<string, string> {
    return {
      limit: String(GALLERY_PAGE_SIZE),
      ...(cursor ? { cursor } : {}),
      ...(workflowId.value ? { workflowId: workflowId.value } : {}),
    };
  }

  /** The first page for `filter` (null = every workflow); an earlier, slower answer is dropped. */
  function load(filter: string | null = workflowId.value): Promise<void> {
    workflowId.value = filter;
    missed.value = [];
    return pages.load();
  }

  /**
   * After a reconnect (J-6): the newest page again, whose outputs not yet shown join the "new" count
   * rather than moving the page (G-2); a page that failed to load is simply loaded again.
   */
  async function catchUp(): Promise<void> {
    if (state.value.status === 'error') return load();
    if (state.value.status !== 'ready') return;
    try {
      missed.value = (await request('GET', '/outputs', { query: query(null), schema: outputListSchema })).items;
    } catch (error) {
      reportError(error);
    }
  }

  /** Puts the outputs that arrived since the page was read on top. */
  function showFresh(): void {
    items.value = [...fresh.value, ...items.value];
  }

  /** The latest image outputs, to pick one as an image input (J-2); the gallery's page is untouched. */
  async function loadRecentImages(): Promise<OutputListItem[]> {
    const page = await request('GET', '/outputs', { query: { limit: String(GALLERY_PAGE_SIZE) }, schema: outputListSchema });
    return page.items.filter((item) => item.kind === 'image');
  }

  /** G-7: the output with its job's full lineage. */
  async function loadDetail(id: string): Promise<OutputDetail> {
    const detail = await request('GET', `/outputs/${id}`, { schema: outputDetailSchema });
    details.value[id] = detail;
    return detail;
  }

  async function remove(id: string): Promise<void> {
    await request('DELETE', `/outputs/${id}`);
    items.value = items.value.filter((item) => item.id !== id);
    missed.value = missed.value.filter((item) => item.id !== id);
    delete details.value[id];
    jobs.forgetOutput(id);
  }

  resetOnUserChange(() => {
    pages.clear();
    missed.value = [];
    details.value = {};
    workflowId.value = null;
  });

  return { items, state, nextCursor, isLoadingMore, workflowId, details, fresh, load, catchUp, loadMore, showFresh, loadRecentImages, loadDetail, remove };
});
