import type { PngTextEntry } from './png-text';

/** One text input of the compiled graph, before and after alias and wildcard expansion. */
export interface PromptTextInput {
  nodeId: string;
  input: string;
  raw: string;
  expanded: string;
}

/** The `cozy_job` chunk: enough to recognise and remix the job that made the file (J-12). */
export interface CozyJobText {
  jobId: string;
  workflow: { id: string; name: string; version: number };
  /** Raw values as submitted. */
  values: Readonly<Record<string, unknown>>;
  seed: number;
}

export const COZYGEN_PROMPT_RAW = 'cozygen_prompt_raw';
export const COZY_JOB = 'cozy_job';

/**
 * JSON that is pure ASCII, as Python's `json.dumps` writes it: tEXt chunks hold Latin-1 only,
 * so every other character is written as a `\uXXXX` escape.
 */
export function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * CozyGen's `{"<nodeId>:<input>": "<raw text>"}`, for the inputs whose raw and expanded texts
 * differ (J-12), so CozyGen and A1111-style readers find the prompt as the user typed it.
 */
export function cozygenPromptRaw(inputs: readonly PromptTextInput[]): Record<string, string> {
  return Object.fromEntries(inputs.filter((input) => input.raw !== input.expanded).map((input) => [`${input.nodeId}:${input.input}`, input.raw]));
}

/** The text chunks ingest adds to a PNG output; `cozygen_prompt_raw` only when some text was expanded. */
export function lineagePngText(lineage: { inputs: readonly PromptTextInput[]; job: CozyJobText }): PngTextEntry[] {
  const promptRaw = cozygenPromptRaw(lineage.inputs);
  const entries: PngTextEntry[] = [];
  if (Object.keys(promptRaw).length > 0) entries.push([COZYGEN_PROMPT_RAW, asciiJson(promptRaw)]);
  entries.push([COZY_JOB, asciiJson(lineage.job)]);
  return entries;
}
