import { render } from '@testing-library/vue';
import type { RenderResult } from '@testing-library/vue';
import type { Router } from 'vue-router';
import { createMemoryHistory } from 'vue-router';
import App from '../App.vue';
import { createStudio } from '../studio';

/**
 * Renders the whole app at `path`, built as main.ts builds it (store, router guard, session
 * wiring), minus the live socket. Stub the api with `fakeApi` first: start-up asks
 * `POST /auth/refresh` whether a session exists.
 */
export async function renderApp(path: string): Promise<RenderResult & { router: Router }> {
  const history = createMemoryHistory();
  history.replace(path);
  const studio = createStudio({ history, withSocket: false });
  const result = render(App, { global: { plugins: [studio] } });
  await studio.router.isReady();
  return { ...result, router: studio.router };
}

/** The text of the elements an input's `aria-describedby` points at (its hint and error). */
export function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}
