/** The SavedModel bytes decode back to the graph written, and a step graph references only its own nodes. */
import protobuf from 'protobufjs';
import { createRng, encodeSavedModel } from '@cch-lab/core';
import { buildModel } from '../../../models/build-model.js';
import type { Network } from '../../../models/network.js';
import { useBackend } from '../../../testing-fixtures/backends.js';
import { resolveOptimizerOptions } from '../../../optimizers.js';
import { buildTrainStepGraph, graphOps } from './train-step-graph.js';

/** Reads field `id` of a message as length-delimited sub-messages / strings (a decoder independent of tf-proto.ts's schema). */
function fields(bytes: Uint8Array, id: number): Uint8Array[] {
  const reader = protobuf.Reader.create(bytes);
  const out: Uint8Array[] = [];
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    if (tag >>> 3 === id && (tag & 7) === 2) out.push(reader.bytes());
    else reader.skipType(tag & 7);
  }
  return out;
}
const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('trainers/kernels/native/graph', () => {
  let net: Network;
  let spec: Parameters<typeof buildTrainStepGraph>[0];
  beforeAll(async () => {
    await useBackend('cpu');
    net = buildModel({ kind: 'cnn', filters: [4], dense: [6], batchNorm: true }, { inputWidth: 64, outputUnits: 3, featureShape: [4, 4, 4] }, createRng(1));
    const state = net.layers.flatMap((l) => [...l.state]);
    spec = { layers: net.layers, variableShapes: net.trainableVariables().map((v) => v.shape), stateShapes: state.map((v) => v.shape), loss: 'cross-entropy', weighted: true, optimizer: resolveOptimizerOptions({ name: 'adamw' }), outputUnits: 3, tag: 't' };
  });
  afterAll(() => net.dispose());

  test('SavedModel → meta graph → graph → nodes with TensorFlow field numbers', () => {
    const graph = buildTrainStepGraph(spec);
    const bytes = encodeSavedModel(graph.nodes, 'my-tag');
    const [meta] = fields(bytes, 2);
    expect(text(fields(fields(meta, 1)[0], 4)[0])).toBe('my-tag');
    const nodes = fields(fields(meta, 2)[0], 1);
    expect(nodes).toHaveLength(graph.nodes.length);
    expect(text(fields(nodes[0], 1)[0])).toBe(graph.nodes[0].name);
    expect(text(fields(nodes[0], 2)[0])).toBe(graph.nodes[0].op);
  });

  test('node names are unique and every input names a node of the graph', () => {
    const graph = buildTrainStepGraph(spec);
    const names = new Set(graph.nodes.map((n) => n.name));
    expect(names.size).toBe(graph.nodes.length);
    const missing = graph.nodes.flatMap((n) => n.input.map((i) => i.replace(/^\^/, '').split(':')[0]).filter((i) => !names.has(i)));
    expect(missing).toEqual([]);
    for (const ref of [...Object.values(graph.fetches).flat(), graph.feeds.x, graph.feeds.rows]) expect(names.has(ref.split(':')[0])).toBe(true);
    // One fused update per trainable variable, each after the decoupled decay.
    expect(graph.nodes.filter((n) => n.op === 'ResourceApplyAdam')).toHaveLength(spec.variableShapes.length);
  });

  test('batch norm: one fused op forward and one backward per layer, its running statistics assigned in the step', () => {
    const graph = buildTrainStepGraph(spec);
    // The CNN's conv block and its dense block each have a batch norm.
    expect(graph.nodes.filter((n) => n.op === 'FusedBatchNormV3')).toHaveLength(2);
    expect(graph.nodes.filter((n) => n.op === 'FusedBatchNormGradV3')).toHaveLength(2);
    expect(graph.feeds.initState).toHaveLength(4);
    expect(graph.fetches.weights).toHaveLength(spec.variableShapes.length + 4);
    const step = graph.nodes.find((n) => n.name === graph.fetches.step)!;
    const assigned = graph.nodes.filter((n) => n.op === 'AssignVariableOp' && /^state_\d+\/assign_\d+$/.test(n.name)).map((n) => `^${n.name}`);
    expect(assigned).toHaveLength(4);
    for (const a of assigned) expect(step.input).toContain(a);
    expect(graphOps(net.layers)).toHaveLength(net.layers.length);
  });
});
