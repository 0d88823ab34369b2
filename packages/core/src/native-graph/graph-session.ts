/**
 * A TensorFlow graph run as one session on the native backend (tfjs-node).
 *
 * tfjs-node exposes no way to add a graph function to its eager context, but it loads SavedModels
 * into sessions and runs them with tfjs tensors as feeds (shared, not copied). So a graph written
 * with GraphBuilder is saved as a SavedModel in a temporary directory, loaded once and run as often
 * as needed; resource variables in it live as long as the session. The trainers' training step
 * and the neural estimators' steps use it, so that a step costs one trip through TensorFlow
 * instead of one per op.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type * as TfModule from '@tensorflow/tfjs';
import { encodeSavedModel, type NodeDef } from './tf-proto.js';

const TAG = 'cch-graph';

interface SessionBackend {
  loadSavedModelMetaGraph(dir: string, tags: string): number;
  runSavedModel(id: number, inputs: TfModule.Tensor[], infos: { name: string }[], outputs: string[]): TfModule.Tensor[];
  deleteSavedModel(id: number): void;
}

export interface GraphSession {
  /** Runs the graph once: `feeds` as [placeholder name, tensor], `fetches` as `node` or `node:k`; the caller disposes the outputs. */
  run(feeds: readonly (readonly [string, TfModule.Tensor])[], fetches: readonly string[]): TfModule.Tensor[];
  /** Frees the session (and its variables); further runs are an error. */
  dispose(): void;
}

let open = 0;

/** Graph sessions opened and not yet disposed (for tests). */
export function openGraphSessions(): number {
  return open;
}

/** The active backend's SavedModel sessions: tfjs-node's, unless CCH_NATIVE_GRAPH=0 (the op-by-op paths then run, e.g. for comparison). */
function sessionBackend(tf: typeof TfModule): SessionBackend | undefined {
  if (process.env.CCH_NATIVE_GRAPH === '0' || tf.getBackend() !== 'tensorflow') return undefined;
  const backend = tf.backend() as unknown as Partial<SessionBackend>;
  if (typeof backend.loadSavedModelMetaGraph !== 'function' || typeof backend.runSavedModel !== 'function' || typeof backend.deleteSavedModel !== 'function') return undefined;
  return backend as SessionBackend;
}

/** Whether openGraphSession would open a session now (callers check it before building a graph). `tf`: the caller's tfjs module. */
export function graphSessionsAvailable(tf: typeof TfModule): boolean {
  return sessionBackend(tf) !== undefined;
}

/**
 * Loads `nodes` into a session of the active backend, or returns undefined where
 * graphSessionsAvailable is false. `tf` is the caller's tfjs module (its active backend is used).
 */
export function openGraphSession(tf: typeof TfModule, nodes: readonly NodeDef[]): GraphSession | undefined {
  const session = sessionBackend(tf);
  if (session === undefined) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cch-graph-'));
  let id: number;
  try {
    fs.writeFileSync(path.join(dir, 'saved_model.pb'), encodeSavedModel(nodes, TAG));
    id = session.loadSavedModelMetaGraph(dir, TAG);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  open += 1;
  let disposed = false;
  return {
    run(feeds, fetches) {
      if (disposed) throw new Error('graph session: run after dispose');
      return session.runSavedModel(
        id,
        feeds.map(([, t]) => t),
        feeds.map(([name]) => ({ name: outputRef(name) })),
        fetches.map(outputRef),
      );
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      session.deleteSavedModel(id);
      open -= 1;
    },
  };
}

/** `name` or `name:k` as TensorFlow's `name:k`. */
function outputRef(name: string): string {
  return name.includes(':') ? name : `${name}:0`;
}
