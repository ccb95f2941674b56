import { fireEvent, within } from '@testing-library/vue';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import { fakeApi } from '../../test/fake-api';
import { renderApp } from '../../test/render-app';
import { signedOut } from '../../test/sessions';
import { useToastStore } from './toastStore';

async function openApp() {
  fakeApi(signedOut());
  const screen = await renderApp('/login');
  await screen.findByRole('heading', { name: 'Sign in' });
  return { ...screen, toasts: within(screen.getByRole('status', { name: 'Notifications' })) };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('toasts with an action', () => {
  it('runs the action once when pressed, and closes the toast', async () => {
    const { toasts } = await openApp();
    const run = vi.fn(() => Promise.resolve());
    useToastStore().show('Deleted places::castle', 'success', { label: 'Undo', run });

    const undo = await toasts.findByRole('button', { name: 'Undo' });
    expect(undo.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(undo.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Deleted places::castle');
    await fireEvent.click(undo);
    await fireEvent.click(undo);

    expect(run).toHaveBeenCalledTimes(1);
    expect(toasts.queryByText('Deleted places::castle')).toBeNull();
    expect(toasts.queryByRole('button', { name: 'Undo' })).toBeNull();
  });

  it('shows a failed action as an error toast that stays', async () => {
    const { toasts } = await openApp();
    useToastStore().show('Deleted places::castle', 'success', { label: 'Undo', run: () => Promise.reject(new ApiError(409, 'You already have an alias places::castle')) });

    await fireEvent.click(await toasts.findByRole('button', { name: 'Undo' }));

    expect(await toasts.findByText('You already have an alias places::castle')).toBeTruthy();
    expect(toasts.queryByText('Deleted places::castle')).toBeNull();
  });

  it('stays 10 seconds with an action, 5 without', async () => {
    await openApp();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const toast = useToastStore();
    toast.show('Saved', 'success');
    toast.show('Deleted places::castle', 'success', { label: 'Undo', run: () => undefined });

    vi.advanceTimersByTime(5000);
    expect(toast.toasts.map((shown) => shown.message)).toEqual(['Deleted places::castle']);
    vi.advanceTimersByTime(4999);
    expect(toast.toasts).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(toast.toasts).toEqual([]);
  });
});
