/**
 * Writes a TensorFlow graph node by node. Each `op` call returns its node's name, which is also
 * the reference to its first output (`name:k` for output k); control inputs are written `^name`.
 */
import { DT, type AttrValue, type NodeDef } from './tf-proto.js';

const utf8 = new TextEncoder();

/** Attribute values, by TensorFlow attr kind. */
export const attr = {
  float: (): AttrValue => ({ type: DT.float }),
  int32: (): AttrValue => ({ type: DT.int32 }),
  type: (dtype: number): AttrValue => ({ type: dtype }),
  bool: (b: boolean): AttrValue => ({ b }),
  int: (i: number): AttrValue => ({ i }),
  string: (s: string): AttrValue => ({ s: utf8.encode(s) }),
  ints: (i: readonly number[]): AttrValue => ({ list: { i: [...i] } }),
  shape: (dims: readonly number[]): AttrValue => ({ shape: { dim: dims.map((size) => ({ size })) } }),
};

export class GraphBuilder {
  readonly nodes: NodeDef[] = [];
  private readonly used = new Set<string>();

  /** Adds a node; `name` is made unique with a numeric suffix when taken. */
  op(op: string, name: string, inputs: readonly string[], attrs: Record<string, AttrValue> = {}, control: readonly string[] = []): string {
    let unique = name;
    for (let k = 1; this.used.has(unique); k++) unique = `${name}_${k}`;
    this.used.add(unique);
    this.nodes.push({ name: unique, op, input: [...inputs, ...control.map((c) => `^${c.split(':')[0]}`)], attr: attrs });
    return unique;
  }

  /** A float32 op with the usual `T` attribute. */
  f(op: string, name: string, inputs: readonly string[], attrs: Record<string, AttrValue> = {}, control: readonly string[] = []): string {
    return this.op(op, name, inputs, { T: attr.float(), ...attrs }, control);
  }

  /** A float32 Sum or Mean over the axes held by the int32 node `axes`, dropping them. */
  reduce(op: 'Sum' | 'Mean', name: string, input: string, axes: string): string {
    return this.op(op, name, [input, axes], { T: attr.float(), Tidx: attr.int32(), keep_dims: attr.bool(false) });
  }

  /** A float32 resource variable of `shape`, shared in the session under `sharedName`. */
  variable(name: string, shape: readonly number[], sharedName: string): string {
    return this.op('VarHandleOp', name, [], { dtype: attr.float(), shape: attr.shape(shape), container: attr.string(''), shared_name: attr.string(sharedName) });
  }

  /** Assigns `value` to the variable `handle` (after `control`). */
  assignVariable(handle: string, value: string, control: readonly string[] = []): string {
    return this.op('AssignVariableOp', `${handle}/assign`, [handle, value], { dtype: attr.float() }, control);
  }

  readVariable(handle: string): string {
    return this.op('ReadVariableOp', `${handle}/read`, [handle], { dtype: attr.float() });
  }

  placeholder(name: string, dtype: number): string {
    return this.op('Placeholder', name, [], { dtype: attr.type(dtype) });
  }

  constInts(name: string, values: readonly number[], scalar = false): string {
    const tensor = { dtype: DT.int32, tensorShape: { dim: scalar ? [] : [{ size: values.length }] }, intVal: [...values] };
    return this.op('Const', name, [], { dtype: attr.int32(), value: { tensor } });
  }

  constFloat(name: string, value: number): string {
    return this.op('Const', name, [], { dtype: attr.float(), value: { tensor: { dtype: DT.float, tensorShape: { dim: [] }, floatVal: [value] } } });
  }
}
