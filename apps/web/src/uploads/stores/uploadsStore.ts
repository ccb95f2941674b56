import { defineStore } from 'pinia';
import { ref } from 'vue';
import { UPLOAD_FILE_FIELD, uploadListSchema, uploadSchema } from '@app/shared/contracts/api/uploads';
import type { Upload } from '@app/shared/contracts/api/uploads';
import { ApiError } from '../../api/api-error';
import { request } from '../../api/http';
import { useRemoteList } from '../../api/useRemoteList';
import { resetOnUserChange } from '../../auth/resetOnUserChange';
import { t } from '../../i18n/en';

const PAGE_SIZE = 60;

/** Images for image fields (J-2, S-15): uploaded from the device, or made from one of the user's outputs. */
export const useUploadsStore = defineStore('uploads', () => {
  const list = useRemoteList(async () => (await request('GET', '/uploads', { query: { limit: String(PAGE_SIZE) }, schema: uploadListSchema })).items);
  /** Uploads read one by one (a restored or remixed form names them by id). */
  const known = ref<Record<string, Upload>>({});

  function remember(upload: Upload): Upload {
    known.value[upload.id] = upload;
    return upload;
  }

  async function upload(file: Blob, name: string): Promise<Upload> {
    const form = new FormData();
    form.append(UPLOAD_FILE_FIELD, file, name);
    const created = remember(await request('POST', '/uploads', { body: form, schema: uploadSchema }));
    list.items.value = [created, ...list.items.value.filter((item) => item.id !== created.id)];
    return created;
  }

  /** An output used as an input: its original file, uploaded again (uploads are the only image values). */
  async function uploadFromUrl(url: string, name: string): Promise<Upload> {
    const response = await fetch(url, { credentials: 'same-origin' }).catch((error: unknown) => {
      throw new ApiError(0, t('error.network'), [], null, { cause: error });
    });
    if (!response.ok) throw new ApiError(response.status, t('image.fetchFailed'));
    const type = response.headers.get('Content-Type') ?? 'application/octet-stream';
    return upload(new File([await response.arrayBuffer()], name, { type }), name);
  }

  async function get(id: string): Promise<Upload> {
    return known.value[id] ?? remember(await request('GET', `/uploads/${id}`, { schema: uploadSchema }));
  }

  async function remove(id: string): Promise<void> {
    await request('DELETE', `/uploads/${id}`);
    list.drop(id);
    delete known.value[id];
  }

  resetOnUserChange(() => {
    list.items.value = [];
    list.state.value = { status: 'idle' };
    known.value = {};
  });

  return { items: list.items, state: list.state, known, load: list.load, upload, uploadFromUrl, get, remove };
});
