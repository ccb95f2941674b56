import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import { fakeApi, noContent } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { adminView, memberView } from '../../test/users';

function linkNames(screen: Awaited<ReturnType<typeof renderApp>>): string[] {
  return screen.getAllByRole('link').map((link) => link.getAttribute('aria-label') ?? link.textContent?.trim() ?? '');
}

describe('app shell on a phone', () => {
  it('puts the studio screens and the profile in the bottom tab bar, and marks the current one', async () => {
    fakeApi(signedInAs(memberView));
    const screen = await renderApp('/queue');

    const nav = within(await screen.findByRole('navigation', { name: 'Main' }));
    expect(nav.getAllByRole('link').map((link) => link.textContent?.trim())).toEqual(['Generate', 'Queue', 'Gallery', 'Prompts', 'Profile']);
    expect(nav.getByRole('link', { name: 'Queue' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByRole('heading', { name: 'Queue', level: 1 })).toBeTruthy();
  });

  it('offers Admin to admins only', async () => {
    fakeApi(signedInAs(memberView));
    const memberScreen = await renderApp('/generate');
    await memberScreen.findByRole('heading', { name: 'Generate' });
    expect(linkNames(memberScreen)).not.toContain('Admin');
    memberScreen.unmount();

    fakeApi(signedInAs(adminView));
    const adminScreen = await renderApp('/generate');
    await adminScreen.findByRole('heading', { name: 'Generate' });
    expect(linkNames(adminScreen)).toContain('Admin');
  });

  it('logs out and returns to the sign-in page', async () => {
    const api = fakeApi({ ...signedInAs(memberView), 'POST /auth/logout': () => noContent() });
    const screen = await renderApp('/gallery');

    await fireEvent.click(await screen.findByRole('button', { name: 'Log out' }));

    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeTruthy();
    expect(screen.router.currentRoute.value.query.next).toBeUndefined();
    expect(api.seen.map((seen) => seen.path)).toContain('/auth/logout');
  });
});
