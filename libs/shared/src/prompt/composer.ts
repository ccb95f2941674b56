import type { PromptElement } from './prompt-elements';
import { parsePromptElements } from './prompt-elements';

/**
 * The composer's edits (C-2 … C-5) as pure functions: each takes the text and element indices from
 * `parsePromptElements`, and returns new text in which every separator not touched is kept.
 */

const WEIGHT_EPSILON = 1e-6;

function elementAt(text: string, index: number): { elements: PromptElement[]; element: PromptElement } {
  const elements = parsePromptElements(text);
  const element = elements[index];
  if (!element) throw new RangeError(`no element ${index} in a prompt of ${elements.length}`);
  return { elements, element };
}

function splice(text: string, start: number, end: number, insert: string): string {
  return text.slice(0, start) + insert + text.slice(end);
}

/**
 * A weight as the composer writes it (C-3): at most two decimals, trailing zeros dropped.
 * @example formatWeight(1.2) === '1.2' && formatWeight(1.254) === '1.25' && formatWeight(0.999) === '1'
 */
export function formatWeight(weight: number): string {
  return weight.toFixed(2).replace(/\.?0+$/, '');
}

/**
 * `(core:W)`, or the bare core when the weight is within 1e−6 of 1 (C-3).
 * @example applyWeight('$hero$', 0.7) === '($hero$:0.7)'
 */
export function applyWeight(core: string, weight: number): string {
  if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`weight must be a finite number ≥ 0, not ${weight}`);
  return Math.abs(weight - 1) <= WEIGHT_EPSILON ? core : `(${core}:${formatWeight(weight)})`;
}

/**
 * Moves element `from` to position `to`; the separators stay where they were (C-2).
 * @example moveElement('a, b\nc', 2, 0) === 'c, a\nb'
 */
export function moveElement(text: string, from: number, to: number): string {
  const { elements, element } = elementAt(text, from);
  if (!elements[to]) throw new RangeError(`no element ${to} in a prompt of ${elements.length}`);
  const order = elements.filter((_, i) => i !== from);
  order.splice(to, 0, element);
  let result = text.slice(0, elements[0]?.start ?? 0);
  elements.forEach((slot, i) => {
    const next = elements[i + 1];
    result += (order[i]?.text ?? '') + text.slice(slot.end, next ? next.start : text.length);
  });
  return result;
}

/**
 * Removes an element with the separator that follows it (the one before it, for the last element).
 * @example removeElement('a, b, c', 1) === 'a, c'
 */
export function removeElement(text: string, index: number): string {
  const { elements, element } = elementAt(text, index);
  const next = elements[index + 1];
  if (next) return splice(text, element.start, next.start, '');
  const previous = elements[index - 1];
  return splice(text, previous ? previous.end : element.start, element.end, '');
}

/**
 * Replaces an element, keeping its place and weight (C-4); a commented-out element stays commented.
 * @example replaceElement('a, (b:1.2)', 1, '$hat$') === 'a, ($hat$:1.2)'
 */
export function replaceElement(text: string, index: number, replacement: string): string {
  const { element } = elementAt(text, index);
  let written = replacement;
  if (element.kind === 'comment') written = `/* ${replacement} */`;
  else if (element.weight !== undefined) written = `(${replacement}:${element.weight})`;
  return splice(text, element.start, element.end, written);
}

/**
 * Sets an element's weight (C-3); 1 removes the wrapper. A comment has no weight and is left alone.
 * @example setElementWeight('a, b', 1, 1.25) === 'a, (b:1.25)'
 */
export function setElementWeight(text: string, index: number, weight: number): string {
  const { element } = elementAt(text, index);
  if (element.kind === 'comment') return text;
  return splice(text, element.start, element.end, applyWeight(element.core, weight));
}

/**
 * Comments an element out (`/* … *\/`, D-2) or back in (C-4).
 * @example toggleElement('a, b', 1) === 'a, /* b *\/'
 */
export function toggleElement(text: string, index: number): string {
  const { element } = elementAt(text, index);
  const toggled = element.kind === 'comment' ? element.core : `/* ${element.text} */`;
  return splice(text, element.start, element.end, toggled);
}

/** Where to insert: at a caret offset (inside an element means after it), or after element `after`. */
export type InsertPosition = { caret: number } | { after: number };

function insertionPoint(text: string, at: InsertPosition): number {
  if ('after' in at) return elementAt(text, at.after).element.end;
  const caret = Math.min(Math.max(0, at.caret), text.length);
  const inside = parsePromptElements(text).find((e) => e.start < caret && caret < e.end);
  return inside ? inside.end : caret;
}

/**
 * Inserts items joined by `, `, adding `, ` where the neighbours need a separator (C-5).
 * Returns the text and the caret just after the inserted items.
 * @example insertElements('a, b', ['x', 'y'], { after: 0 }) // { text: 'a, x, y, b', caret: 7 }
 */
export function insertElements(text: string, items: readonly string[], at: InsertPosition): { text: string; caret: number } {
  const point = insertionPoint(text, at);
  const before = text.slice(0, point);
  const after = text.slice(point);
  const joined = items.join(', ');
  let lead = '';
  if (before.trim() !== '' && !/[,\n]\s*$/.test(before)) lead = ', ';
  else if (before.endsWith(',')) lead = ' ';
  const trail = after.trim() !== '' && !/^\s*[,\n]/.test(after) ? ', ' : '';
  const inserted = lead + joined;
  return { text: before + inserted + trail + after, caret: point + inserted.length };
}
