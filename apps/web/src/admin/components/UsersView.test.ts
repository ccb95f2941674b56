import { fireEvent, within } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import type { User } from '@app/shared/contracts/api/users';
import { errorBody, fakeApi, inTurn, json, noContent } from '../../test/fake-api';
import type { Routes } from '../../test/fake-api';
import { descriptionOf, renderApp } from '../../test/render-app';
import { signedInAs } from '../../test/sessions';
import { adminView, fullUser, memberView } from '../../test/users';

const admin = fullUser(adminView);
const member = fullUser(memberView);

async function openUsers(routes: Routes = {}, items: User[] = [admin, member]) {
  const api = fakeApi({ ...signedInAs(adminView), 'GET /users': () => json(200, { items }), ...routes });
  const screen = await renderApp('/admin/users');
  await screen.findByText(member.email);
  return { ...screen, api };
}

function actionsFor(screen: Awaited<ReturnType<typeof openUsers>>, email: string) {
  return within(screen.getByRole('group', { name: `Actions for ${email}` }));
}

describe('U-3 creating users', () => {
  async function submitNewUser(screen: Awaited<ReturnType<typeof openUsers>>, fields: { email: string; password: string }) {
    await fireEvent.click(screen.getByRole('button', { name: 'New user' }));
    const dialog = within(await screen.findByRole('dialog', { name: 'New user' }));
    await fireEvent.update(dialog.getByLabelText('Email'), fields.email);
    await fireEvent.update(dialog.getByLabelText('Initial password'), fields.password);
    await fireEvent.update(dialog.getByLabelText('Role'), 'admin');
    await fireEvent.click(dialog.getByRole('button', { name: 'Create user' }));
    return dialog;
  }

  it('checks the fields with the shared schema before sending anything', async () => {
    const screen = await openUsers();

    const dialog = await submitNewUser(screen, { email: 'not an email', password: 'short' });

    expect(descriptionOf(dialog.getByLabelText('Email'))).toBe('Must be an email address');
    expect(descriptionOf(dialog.getByLabelText('Initial password'))).toBe(
      'Must be at least 10 characters They must change it when they first sign in.',
    );
    expect(screen.api.seen.some((seen) => seen.method === 'POST' && seen.path === '/users')).toBe(false);
  });

  it('shows a taken email (409) on the email field and above the form', async () => {
    const screen = await openUsers({
      'POST /users': () => errorBody(409, 'A user with this email exists', [{ field: 'body.email', message: 'is already taken' }]),
    });

    const dialog = await submitNewUser(screen, { email: 'max@example.com', password: 'long enough secret' });

    expect((await dialog.findByRole('alert')).textContent).toContain('A user with this email exists');
    expect(descriptionOf(dialog.getByLabelText('Email'))).toBe('Is already taken');
  });

  it('adds the created user to the list and closes the form', async () => {
    const created = fullUser({ ...memberView, id: 'new-id', email: 'eve@example.com', displayName: 'eve', role: 'admin' }, { mustChangePassword: true });
    const screen = await openUsers({ 'POST /users': () => json(201, created) });

    await submitNewUser(screen, { email: 'Eve@Example.com', password: 'long enough secret' });

    expect(await screen.findByText('User eve@example.com created')).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('group', { name: 'Actions for eve@example.com' })).toBeTruthy();
    expect(screen.api.seen.at(-1)?.body).toEqual({ email: 'eve@example.com', password: 'long enough secret', role: 'admin' });
  });
});

describe('U-3 changing users', () => {
  it('shows the last-admin refusal (409) and puts the role back', async () => {
    const screen = await openUsers({
      [`PATCH /users/${admin.id}`]: () => errorBody(409, 'The last active admin cannot be disabled, demoted or deleted'),
    });
    const role = screen.getByLabelText(`Role of ${admin.email}`);

    await fireEvent.update(role, 'member');

    expect((await screen.findByRole('alert')).textContent).toContain('The last active admin cannot be disabled, demoted or deleted');
    expect((role as HTMLSelectElement).value).toBe('admin');
  });

  it('disables and enables a user', async () => {
    const screen = await openUsers({
      [`PATCH /users/${member.id}`]: inTurn(
        () => json(200, { ...member, state: 'disabled' }),
        () => json(200, { ...member, state: 'active' }),
      ),
    });

    await fireEvent.click(actionsFor(screen, member.email).getByRole('button', { name: 'Disable' }));
    await actionsFor(screen, member.email).findByRole('button', { name: 'Enable' });
    await fireEvent.click(actionsFor(screen, member.email).getByRole('button', { name: 'Enable' }));
    await actionsFor(screen, member.email).findByRole('button', { name: 'Disable' });

    expect(screen.api.seen.filter((seen) => seen.method === 'PATCH').map((seen) => seen.body)).toEqual([
      { state: 'disabled' },
      { state: 'active' },
    ]);
  });

  it('resets a password, which the user must change at next sign-in', async () => {
    const screen = await openUsers({ [`POST /users/${member.id}/password`]: () => noContent() });

    await fireEvent.click(actionsFor(screen, member.email).getByRole('button', { name: 'Reset password' }));
    const dialog = within(await screen.findByRole('dialog', { name: `Reset password for ${member.email}` }));
    await fireEvent.update(dialog.getByLabelText('New password'), 'temporary secret 1');
    await fireEvent.click(dialog.getByRole('button', { name: 'Set password' }));

    expect(await screen.findByText(`Password reset. ${member.email} must change it at next sign-in.`)).toBeTruthy();
    expect(screen.getAllByText('Must change password')).toHaveLength(1);
  });

  it('U-12 deletes only after the email is typed, and sends it as confirmation', async () => {
    const screen = await openUsers({ [`DELETE /users/${member.id}?confirm=max%40example.com`]: () => noContent() });

    await fireEvent.click(actionsFor(screen, member.email).getByRole('button', { name: 'Delete' }));
    const dialog = within(await screen.findByRole('dialog', { name: `Delete ${member.email}?` }));
    const confirm = dialog.getByRole('button', { name: 'Delete user' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    await fireEvent.update(dialog.getByLabelText(`Type ${member.email} to confirm`), 'max@example.co');
    expect(confirm.disabled).toBe(true);
    await fireEvent.update(dialog.getByLabelText(`Type ${member.email} to confirm`), 'max@example.com');
    await fireEvent.click(confirm);

    expect(await screen.findByText(`User ${member.email} deleted`)).toBeTruthy();
    expect(screen.queryByRole('group', { name: `Actions for ${member.email}` })).toBeNull();
  });
});

describe('users list states', () => {
  it('offers a retry when the list cannot be loaded', async () => {
    fakeApi({
      ...signedInAs(adminView),
      'GET /users': inTurn(
        () => json(503, { statusCode: 503, message: 'unavailable' }),
        () => json(200, { items: [admin] }),
      ),
    });
    const screen = await renderApp('/admin/users');

    expect((await screen.findByRole('alert')).textContent).toContain('Something went wrong on the server');
    await fireEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByText(admin.email)).toBeTruthy();
  });
});
