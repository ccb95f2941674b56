import { watch } from 'vue';
import { useAuthStore } from './stores/authStore';

/**
 * For stores holding one user's data: forget it when the signed-in user changes (sign-out, or
 * someone else signing in on this device), so nothing of theirs shows for the next person.
 */
export function resetOnUserChange(reset: () => void): void {
  const auth = useAuthStore();
  watch(
    () => auth.user?.id,
    (now, before) => {
      if (now !== before) reset();
    },
  );
}
