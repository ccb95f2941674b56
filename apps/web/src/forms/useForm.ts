import { ref } from 'vue';
import type { Ref } from 'vue';
import type { z } from 'zod';
import { ApiError } from '../api/api-error';
import { reportError } from '../shell/reportError';
import { asSentence, catalogueMessage, issuesByField } from './field-messages';

export interface FormOptions<S extends z.ZodType> {
  /** Extra checks the schema cannot make (a repeated password); field name → message. */
  check?: (value: z.output<S>) => Record<string, string>;
  /** The form-level text for a failed call; the server's message by default. */
  describe?: (error: ApiError) => string;
}

export interface Form<S extends z.ZodType> {
  fieldErrors: Ref<Record<string, string>>;
  formError: Ref<string | null>;
  isPending: Ref<boolean>;
  /** Validates `input` with the schema, then runs the action; true when it succeeded. */
  submit(input: z.input<S>): Promise<boolean>;
}

/**
 * A form's validation and submission: the same shared schema the api uses checks input first;
 * an ApiError's field errors land on the fields, its message above the form.
 */
export function useForm<S extends z.ZodType>(schema: S, action: (value: z.output<S>) => Promise<unknown>, options: FormOptions<S> = {}): Form<S> {
  const fieldErrors = ref<Record<string, string>>({});
  const formError = ref<string | null>(null);
  const isPending = ref(false);

  async function submit(input: z.input<S>): Promise<boolean> {
    if (isPending.value) return false;
    fieldErrors.value = {};
    formError.value = null;
    const parsed = schema.safeParse(input, { error: catalogueMessage });
    if (!parsed.success) {
      fieldErrors.value = issuesByField(parsed.error);
      return false;
    }
    const extra = options.check?.(parsed.data) ?? {};
    if (Object.keys(extra).length > 0) {
      fieldErrors.value = extra;
      return false;
    }
    isPending.value = true;
    try {
      await action(parsed.data);
      return true;
    } catch (error) {
      if (!(error instanceof ApiError)) {
        reportError(error);
        return false;
      }
      fieldErrors.value = Object.fromEntries(Object.entries(error.fieldMessages()).map(([field, message]) => [field, asSentence(message)]));
      formError.value = options.describe?.(error) ?? error.message;
      return false;
    } finally {
      isPending.value = false;
    }
  }

  return { fieldErrors, formError, isPending, submit };
}
