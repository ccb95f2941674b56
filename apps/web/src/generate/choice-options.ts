import type { ChoiceValue } from '@app/shared/form/field-types';
import type { SelectOption } from '../ui/select-option';

const MODEL_FILE = /\.(safetensors|ckpt|pt|pth|bin|gguf|sft|onnx)$/i;

function splitPath(value: string): { folder: string; name: string } {
  const path = value.replace(/\\/g, '/');
  const slash = path.lastIndexOf('/');
  const file = path.slice(slash + 1);
  return { folder: slash < 0 ? '' : path.slice(0, slash), name: file.replace(MODEL_FILE, '') };
}

/**
 * W-15: a choice list as select options. Model files show their base name without extension,
 * grouped by folder when they come from at least two (top-level files first, ungrouped); a name found in several folders gets the
 * folder added. Other lists (samplers, schedulers) show as they are. Values are the choices as text.
 * @example choiceOptions(['sdxl/a.safetensors', 'b.safetensors']) // [{ value: 'b.safetensors', label: 'b' }, { value: 'sdxl/a.safetensors', label: 'a', group: 'sdxl' }]
 */
export function choiceOptions(choices: readonly ChoiceValue[]): SelectOption<string>[] {
  const areFiles = choices.length > 0 && choices.every((choice) => typeof choice === 'string' && MODEL_FILE.test(choice));
  if (!areFiles) return choices.map((choice) => ({ value: String(choice), label: String(choice) }));
  const parts = choices.map((choice) => ({ value: String(choice), ...splitPath(String(choice)) }));
  const folders = new Set(parts.map((part) => part.folder));
  const nameCounts = new Map<string, number>();
  for (const part of parts) nameCounts.set(part.name, (nameCounts.get(part.name) ?? 0) + 1);
  const isGrouped = folders.size > 1;
  const options = parts.map(({ value, folder, name }) => ({
    value,
    label: (nameCounts.get(name) ?? 0) > 1 && folder ? `${name} (${folder})` : name,
    ...(isGrouped && folder ? { group: folder } : {}),
  }));
  return isGrouped ? options.sort((a, b) => (a.group ?? '').localeCompare(b.group ?? '')) : options;
}

/** The choice a select's text value stands for. */
export function choiceFor(choices: readonly ChoiceValue[], key: string): ChoiceValue | undefined {
  return choices.find((choice) => String(choice) === key);
}
