import type { FormSchema } from '@app/shared/form/field-types';
import { fakeApi, json } from './fake-api';
import type { Routes } from './fake-api';
import { renderApp } from './render-app';
import { signedInAs } from './sessions';
import { memberView } from './users';
import { emptyMemory, WORKFLOW_ID, workflowDetail } from './workflows';

export const FORM_PATH = `/generate/${WORKFLOW_ID}`;

/** What opening a workflow's form asks the api, for a member with no aliases; `routes` add or override. */
export function formRoutes(schema: FormSchema, routes: Routes = {}): Routes {
  return {
    ...signedInAs(memberView),
    'GET /generations?limit=30': () => json(200, { items: [], nextCursor: null }),
    [`GET /workflows/${WORKFLOW_ID}`]: () => json(200, workflowDetail(schema)),
    [`GET /workflows/${WORKFLOW_ID}/memory`]: () => json(200, emptyMemory()),
    'GET /aliases?limit=1000': () => json(200, { items: [], total: 0, nextCursor: null }),
    ...routes,
  };
}

/** The app at a workflow's form, once the form is on screen (its workflow is called Flux). */
export async function openForm(schema: FormSchema, routes: Routes = {}, path = FORM_PATH) {
  const api = fakeApi(formRoutes(schema, routes));
  const screen = await renderApp(path);
  await screen.findByRole('heading', { name: 'Flux', level: 1 });
  return { ...screen, api };
}

export type FormScreen = Awaited<ReturnType<typeof openForm>>;
