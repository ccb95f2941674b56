import { readdirSync } from 'node:fs';
import { fixturePath, readFixtureJson } from '@test/fixtures';
import { isRecord } from '../validation/prompt-graph';

export interface FixtureNode {
  file: string;
  id: string;
  classType: string;
  inputs: Record<string, unknown>;
}

/** Every node of every workflow in the given fixtures/workflows folders (read in tests only). */
export function fixtureWorkflowNodes(folders: readonly string[]): FixtureNode[] {
  return folders.flatMap((folder) =>
    readdirSync(fixturePath(`workflows/${folder}`))
      .filter((file) => file.endsWith('.json'))
      .flatMap((file) => {
        const graph = readFixtureJson(`workflows/${folder}/${file}`);
        return Object.entries(isRecord(graph) ? graph : {}).flatMap(([id, node]) =>
          isRecord(node) && isRecord(node.inputs) ? [{ file, id, classType: String(node.class_type), inputs: node.inputs }] : [],
        );
      }),
  );
}

/** One fixture workflow as an API graph of object nodes. */
export function readFixtureGraph(relative: string): Record<string, Record<string, unknown>> {
  const graph = readFixtureJson(relative);
  return Object.fromEntries(Object.entries(isRecord(graph) ? graph : {}).filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1])));
}
