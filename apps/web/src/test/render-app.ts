import { render } from '@testing-library/vue';
import type { RenderResult } from '@testing-library/vue';
import type { Router } from 'vue-router';
import { createMemoryHistory } from 'vue-router';
import App from '../App.vue';
import { createStudio } from '../studio';
import { fakeSocket } from './fake-socket';
import type { FakeSocket } from './fake-socket';

/**
 * Renders the whole app at `path`, built as main.ts builds it (store, router guard, session
 * wiring), with a fake socket the test drives instead of the live one. Stub the api with
 * `fakeApi` first: start-up asks `POST /auth/refresh` whether a session exists.
 */
export async function renderApp(path: string): Promise<RenderResult & { router: Router; socket: FakeSocket }> {
  const history = createMemoryHistory();
  history.replace(path);
  const socket = fakeSocket();
  const studio = createStudio({ history, socket });
  const result = render(App, { global: { plugins: [studio] } });
  await studio.router.isReady();
  return { ...result, router: studio.router, socket };
}

/** The text of the elements an input's `aria-describedby` points at (its hint and error). */
export function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/) ?? [];
  return ids
    .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
    .filter(Boolean)
    .join(' ');
}
