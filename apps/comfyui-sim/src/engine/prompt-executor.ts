import type { NodeInfo } from '@app/shared/comfy/object-info';
import type { Catalogue } from '../catalogue/catalogue';
import type { FaultSwitch } from '../faults';
import { encodeJpeg } from '../media/png';
import type { NodeContext, PreviewImage } from '../nodes/node-context';
import { runnerFor } from '../nodes/node-registry';
import { PyException } from '../python/python-values';
import type { SimDirs } from '../storage/sim-dirs';
import { isRecord } from '../validation/prompt-graph';
import { previewFrame, previewFrameWithMetadata } from '../ws/binary-frames';
import type { WsHub } from '../ws/ws-hub';
import { computeCacheKeys } from './cache-keys';
import { ExecutionList } from './execution-list';
import { InterruptedError, type ExecutionSession } from './execution-session';
import { LifetimeEndedError, type Lifetime } from './lifetime';
import { formatCurrentInputs, resolveInputs } from './node-inputs-resolver';
import type { OutputCache, UiRecord } from './output-cache';
import type { HistoryMessage, PromptOutcome } from './prompt-history';
import type { QueueItem } from './prompt-queue';
import { ProgressState } from './progress-state';

export interface ExecutorDeps {
  hub: WsHub;
  catalogue: Catalogue;
  dirs: SimDirs;
  cache: OutputCache;
  faults: FaultSwitch;
  lifetime: Lifetime;
  session: ExecutionSession;
  stepMs: number;
  /** Server default for sampler previews; a prompt's `extra_data.preview_method: "none"` turns them off. */
  previews: boolean;
}

/** A node raised: carries what `execution_error` reports about it. */
class NodeFailure extends Error {
  constructor(
    readonly nodeId: string,
    readonly reason: unknown,
    readonly currentInputs: Record<string, unknown[]>,
  ) {
    super(reason instanceof Error ? reason.message : String(reason));
  }
}

/**
 * Runs one prompt the way ComfyUI's `PromptExecutor.execute` does, frame for frame (COMFYUI.md §3
 * "Order for one prompt"): `execution_start`, `execution_cached`, then per node `progress_state`,
 * `executing`, steps, `executed`, `progress_state`; finally `execution_success`, or
 * `execution_error` / `execution_interrupted`. Only the prompt's own client gets these frames.
 */
export class PromptExecution {
  private readonly messages: HistoryMessage[] = [];
  private readonly executed = new Set<string>();
  private readonly ui = new Map<string, UiRecord>();
  private readonly clientId: string | null;
  private readonly progress: ProgressState;
  private keys: Map<string, string> = new Map();

  constructor(
    private readonly item: QueueItem,
    private readonly deps: ExecutorDeps,
  ) {
    this.clientId = typeof item.extraData.client_id === 'string' ? item.extraData.client_id : null;
    this.progress = new ProgressState(item.promptId, (data) => this.send('progress_state', data));
  }

  async run(): Promise<PromptOutcome> {
    const { session, cache } = this.deps;
    const prompt = this.item.prompt;
    session.interruptRequested = false;
    session.clientId = this.clientId;
    this.addMessage('execution_start', { prompt_id: this.item.promptId });
    this.keys = await computeCacheKeys(prompt, this.deps.catalogue, this.deps.dirs);
    this.deps.lifetime.check();
    cache.keepOnly(new Set(this.keys.values()));
    const cachedNodes = Object.keys(prompt).filter((id) => cache.get(this.keys.get(id)) !== undefined);
    this.addMessage('execution_cached', { nodes: cachedNodes, prompt_id: this.item.promptId });
    const list = new ExecutionList(
      prompt,
      (id) => cache.get(this.keys.get(id)) !== undefined,
      (id) => this.info(id)?.output_node === true,
    );
    let success = false;
    try {
      for (const output of this.item.outputs) list.addNode(output);
      for (let id = list.next(); id !== undefined; id = list.next()) {
        await this.runNode(id);
        list.complete(id);
      }
      this.addMessage('execution_success', { prompt_id: this.item.promptId });
      success = true;
    } catch (error) {
      if (error instanceof LifetimeEndedError) throw error;
      this.reportFailure(error);
    }
    session.lastNodeId = null;
    const outputs: Record<string, unknown> = {};
    const meta: Record<string, unknown> = {};
    for (const [id, record] of this.ui) {
      outputs[id] = record.output;
      meta[id] = record.meta;
    }
    return { success, messages: this.messages, outputs, meta };
  }

  private async runNode(id: string): Promise<void> {
    const { cache, session, lifetime } = this.deps;
    const key = this.keys.get(id);
    const cached = cache.get(key);
    if (cached) {
      if (this.clientId !== null) {
        this.send('executed', { node: id, display_node: id, output: cached.ui?.output ?? null, prompt_id: this.item.promptId });
        if (cached.ui) this.ui.set(id, cached.ui);
      }
      this.progress.finish(id);
      return;
    }
    const node = this.item.prompt[id] ?? {};
    const classType = String(node.class_type);
    const info = this.info(id);
    this.progress.start(id);
    if (this.clientId !== null) {
      session.lastNodeId = id;
      this.send('executing', { node: id, display_node: id, prompt_id: this.item.promptId });
    }
    const inputs = resolveInputs(isRecord(node.inputs) ? node.inputs : {}, cache, this.keys);
    const extraPnginfo = isRecord(this.item.extraData.extra_pnginfo) ? this.item.extraData.extra_pnginfo : undefined;
    try {
      lifetime.check();
      if (session.interruptRequested) throw new InterruptedError();
      if (!info || key === undefined) throw new PyException('KeyError', `'${classType}'`);
      if (this.deps.faults.failsNode(id, classType, isRecord(node.inputs) ? node.inputs : {})) throw new PyException('RuntimeError', `Simulated failure of node ${id} (${classType})`);
      const context = this.context(id, classType, key, info, inputs.values, inputs.linked, extraPnginfo);
      const result = await runnerFor(classType, info)(context);
      const hasUi = result.ui !== undefined && Object.keys(result.ui).length > 0;
      const ui: UiRecord | undefined = hasUi && result.ui ? { output: result.ui, meta: { node_id: id, display_node: id, parent_node: null, real_node_id: id } } : undefined;
      cache.set(key, ui ? { values: result.values, ui } : { values: result.values });
      if (ui) {
        this.send('executed', { node: id, display_node: id, output: ui.output, prompt_id: this.item.promptId });
        this.ui.set(id, ui);
      }
    } catch (error) {
      if (error instanceof LifetimeEndedError) throw error;
      const current = info ? formatCurrentInputs(info, inputs.values, { prompt: this.item.prompt, extraPnginfo, nodeId: id }) : {};
      throw new NodeFailure(id, error, current);
    }
    this.executed.add(id);
    this.progress.finish(id);
  }

  private context(id: string, classType: string, key: string, info: NodeInfo, inputs: NodeContext['inputs'], linked: Set<string>, extraPnginfo: Record<string, unknown> | undefined): NodeContext {
    const { lifetime, faults } = this.deps;
    return {
      promptId: this.item.promptId,
      nodeId: id,
      classType,
      key,
      info,
      inputs,
      linked,
      prompt: this.item.prompt,
      extraPnginfo,
      dirs: this.deps.dirs,
      previews: this.deps.previews && this.item.extraData.preview_method !== 'none',
      stepMs: () => this.deps.stepMs,
      sleep: (ms) => lifetime.sleep(ms * faults.get().slowFactor),
      step: (value, max, preview) => this.step(id, value, max, preview),
    };
  }

  /** One progress step: interrupt check, `progress_state`, then the preview and `progress` in the client's order. */
  private async step(id: string, value: number, max: number, preview: PreviewImage | undefined): Promise<void> {
    this.deps.lifetime.check();
    if (this.deps.session.interruptRequested) throw new InterruptedError();
    this.progress.update(id, value, max);
    const jpeg = preview && this.clientId !== null ? await encodeJpeg(preview.rgb, preview.width, preview.height) : undefined;
    const withMetadata = this.deps.hub.supportsPreviewMetadata(this.clientId);
    if (jpeg && withMetadata) this.sendBinary(previewFrameWithMetadata(jpeg, this.item.promptId, id));
    this.send('progress', { value, max, prompt_id: this.item.promptId, node: id });
    if (jpeg && !withMetadata) this.sendBinary(previewFrame(jpeg));
  }

  private reportFailure(error: unknown): void {
    const failure = error instanceof NodeFailure ? error : new NodeFailure(Object.keys(this.item.prompt)[0] ?? '', error, {});
    const classType = String(this.item.prompt[failure.nodeId]?.class_type);
    const base = { prompt_id: this.item.promptId, node_id: failure.nodeId, node_type: classType, executed: [...this.executed] };
    if (failure.reason instanceof InterruptedError) {
      this.addMessage('execution_interrupted', base, true);
      return;
    }
    const reason = failure.reason;
    const exceptionType = reason instanceof PyException ? reason.type : 'RuntimeError';
    const message = reason instanceof Error ? reason.message : String(reason);
    this.addMessage('execution_error', {
      ...base,
      exception_message: `${message}\n`,
      exception_type: exceptionType,
      traceback: [`  File "<comfyui-sim>/execution.ts", line 1, in execute\n`, `  File "<comfyui-sim>/nodes/${classType}", line 1, in run\n`],
      current_inputs: failure.currentInputs,
      current_outputs: Object.keys(this.item.prompt),
    });
  }

  /** `add_message`: kept for history; sent to the client, or to everyone when `broadcast` and there is none. */
  private addMessage(type: string, data: Record<string, unknown>, broadcast = false): void {
    const stamped = { ...data, timestamp: Date.now() };
    this.messages.push([type, stamped]);
    if (this.clientId !== null || broadcast) this.deps.hub.send(type, stamped, this.clientId);
  }

  private send(type: string, data: unknown): void {
    if (this.clientId !== null) this.deps.hub.send(type, data, this.clientId);
  }

  private sendBinary(frame: Buffer): void {
    if (this.clientId !== null) this.deps.hub.sendBinary(frame, this.clientId);
  }

  private info(id: string): NodeInfo | undefined {
    return this.deps.catalogue.info(String(this.item.prompt[id]?.class_type));
  }
}
