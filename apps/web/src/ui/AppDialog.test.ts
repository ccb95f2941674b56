import { fireEvent, render, screen, waitFor } from '@testing-library/vue';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, ref } from 'vue';
import AppButton from './AppButton.vue';
import ConfirmDialog from './ConfirmDialog.vue';

const Host = defineComponent(() => {
  const isOpen = ref(false);
  const confirmed = ref(0);
  return () => [
    h(AppButton, { onClick: () => (isOpen.value = true) }, () => 'Open'),
    h('p', `confirmed ${confirmed.value}`),
    h(ConfirmDialog, {
      open: isOpen.value,
      title: 'Really?',
      message: 'It cannot be undone.',
      confirmLabel: 'Do it',
      onConfirm: () => {
        confirmed.value += 1;
        isOpen.value = false;
      },
      onCancel: () => (isOpen.value = false),
    }),
  ];
});

describe('N-12 dialogs are keyboard usable', () => {
  it('moves focus into the dialog, keeps Tab inside it, closes on Escape and gives focus back', async () => {
    render(Host);
    const opener = screen.getByRole('button', { name: 'Open' });
    opener.focus();

    await fireEvent.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Really?' });
    const cancel = screen.getByRole('button', { name: 'Cancel' });
    const confirm = screen.getByRole('button', { name: 'Do it' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));

    confirm.focus();
    await fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(cancel);
    await fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(confirm);

    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(screen.getByText('confirmed 0')).toBeTruthy();
  });
});
