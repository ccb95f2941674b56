import { fireEvent } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import { errorBody, fakeApi, inTurn, noContent } from '../../test/fake-api';
import { descriptionOf, renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { memberView } from '../../test/users';

async function change(screen: Awaited<ReturnType<typeof renderApp>>, current: string, next: string, repeated: string): Promise<void> {
  await fireEvent.update(await screen.findByLabelText('Current password'), current);
  await fireEvent.update(screen.getByLabelText('New password'), next);
  await fireEvent.update(screen.getByLabelText('Repeat new password'), repeated);
  await fireEvent.click(screen.getByRole('button', { name: 'Change password' }));
}

describe('U-2 forced password change', () => {
  it('checks the new password locally, shows the server\'s verdict on the current one, then continues', async () => {
    const api = fakeApi({
      ...signedInAs({ ...memberView, mustChangePassword: true }),
      'POST /auth/password': inTurn(
        () => errorBody(400, 'Current password is wrong', [{ field: 'body.currentPassword', message: 'is wrong' }]),
        () => noContent(),
      ),
    });
    const screen = await renderApp('/queue');

    await change(screen, 'given', 'short', 'short');
    expect(descriptionOf(screen.getByLabelText('New password'))).toBe('Must be at least 10 characters At least 10 characters, not your email.');

    await change(screen, 'given', 'a long new secret', 'a long new secret!');
    expect(descriptionOf(screen.getByLabelText('Repeat new password'))).toBe('The passwords do not match');
    expect(api.seen.filter((seen) => seen.path === '/auth/password')).toHaveLength(0);

    await change(screen, 'mistyped', 'a long new secret', 'a long new secret');
    await screen.findByRole('alert');
    expect(descriptionOf(screen.getByLabelText('Current password'))).toBe('Is wrong');

    await change(screen, 'given', 'a long new secret', 'a long new secret');
    expect(await screen.findByRole('heading', { name: 'Queue' })).toBeTruthy();
    expect(api.seen.findLast((seen) => seen.path === '/auth/password')?.body).toEqual({ currentPassword: 'given', newPassword: 'a long new secret' });
  });
});
