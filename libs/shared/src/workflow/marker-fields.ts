import type { FieldTarget, FormField, Warning } from '../form/field-types';
import { isSeedLike } from '../form/seed-field';
import type { ApiGraph } from './api-graph';
import type { ChoiceCatalog } from './choice-lists';
import type { InputMarker } from './cozygen-nodes';
import { readInputMarkers } from './cozygen-nodes';
import { markerBounds } from './field-bounds';
import { buildField } from './field-builder';
import { compareNodeIds, indexConsumers } from './graph-nodes';

interface MarkerGroup {
  markers: InputMarker[];
  targets: FieldTarget[];
}

function compareTargets(a: FieldTarget, b: FieldTarget): number {
  return compareNodeIds(a.nodeId, b.nodeId) || (a.input < b.input ? -1 : a.input > b.input ? 1 : 0);
}

/** Input markers that feed something, grouped by field key (W-12, W-13); in node id order. */
function groupMarkers(graph: ApiGraph, warnings: Warning[]): MarkerGroup[] {
  const consumers = indexConsumers(graph);
  const groups = new Map<string, MarkerGroup>();
  for (const marker of readInputMarkers(graph)) {
    const { nodeId } = marker;
    warnings.push(...marker.problems.map((message) => ({ field: `graph.${nodeId}`, message })));
    const targets = (consumers.get(nodeId) ?? []).map(({ nodeId: target, input }) => ({ nodeId: target, input }));
    if (targets.length === 0) {
      warnings.push({ field: `graph.${nodeId}`, message: `marker ${JSON.stringify(marker.key)} (node ${nodeId}) feeds no node, so it has no field` });
      continue;
    }
    const group = groups.get(marker.key) ?? { markers: [], targets: [] };
    group.markers.push(marker);
    group.targets.push(...targets);
    groups.set(marker.key, group);
  }
  return [...groups.values()];
}

function describeDefault(marker: InputMarker): string {
  return JSON.stringify(marker.defaultValue) ?? 'none';
}

function markerField(group: MarkerGroup, graph: ApiGraph, catalog: ChoiceCatalog, warnings: Warning[]): FormField {
  const [primary, ...others] = group.markers as [InputMarker, ...InputMarker[]];
  const field = `graph.${primary.nodeId}`;
  if (others.some((marker) => describeDefault(marker) !== describeDefault(primary))) {
    warnings.push({ field, message: `markers named ${JSON.stringify(primary.key)} have different defaults; using node ${primary.nodeId}'s` });
  }
  const targets = group.targets.sort(compareTargets);
  const bypassed = group.markers.some((marker) => marker.bypassToggle);
  const built = buildField(
    {
      name: primary.key,
      label: primary.key,
      type: primary.type,
      rawDefault: primary.defaultValue,
      ownBounds: markerBounds(primary.min, primary.max),
      step: primary.step,
      choiceType: primary.choiceType,
      choiceList: primary.choiceList,
      multiline: group.markers.some((marker) => marker.multiline),
      ...(group.markers.some((marker) => marker.randomizeToggle) ? { randomize: { initial: isSeedLike(primary.key, targets) } } : {}),
      ...(bypassed ? { bypass: { nodes: [...new Set(targets.map((target) => target.nodeId))] } } : {}),
      targets,
      markerNodeIds: group.markers.map((marker) => marker.nodeId),
    },
    graph,
    catalog,
  );
  warnings.push(...built.problems.map((message) => ({ field, message: `${primary.key}: ${message}` })));
  return built.field;
}

/**
 * The form of a CozyGen-marked workflow: one field per marker key (W-6, W-13), ordered by ascending
 * priority, ties by node id (W-11); markers feeding nothing are skipped with a warning (W-12).
 */
export function markerFields(graph: ApiGraph, catalog: ChoiceCatalog): { fields: FormField[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const ordered = groupMarkers(graph, warnings)
    .map((group) => ({ group, priority: Math.min(...group.markers.map((marker) => marker.priority)) }))
    .sort((a, b) => a.priority - b.priority || compareNodeIds(a.group.markers[0]!.nodeId, b.group.markers[0]!.nodeId));
  const fields = ordered.map(({ group }) => markerField(group, graph, catalog, warnings));
  return { fields, warnings };
}
