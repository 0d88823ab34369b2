/**
 * The few TensorFlow protocol buffers a SavedModel holding one graph needs (SavedModel,
 * MetaGraphDef, GraphDef, NodeDef, AttrValue, TensorProto), as a protobufjs reflection root with
 * TensorFlow's own field numbers (tensorflow/core/framework/*.proto, protobuf/saved_model.proto).
 */
import { createRequire } from 'node:module';
import type * as Protobuf from 'protobufjs';

/** TensorFlow's DataType enum values used here. */
export const DT = { float: 1, int32: 3, bool: 10, resource: 20 } as const;

const shape = { fields: { dim: { rule: 'repeated', type: 'Dim', id: 2 }, unknownRank: { type: 'bool', id: 3 } }, nested: { Dim: { fields: { size: { type: 'int64', id: 1 } } } } };

const DESCRIPTOR = {
  nested: {
    tf: {
      nested: {
        TensorShapeProto: shape,
        TensorProto: {
          fields: {
            dtype: { type: 'int32', id: 1 },
            tensorShape: { type: 'TensorShapeProto', id: 2 },
            floatVal: { rule: 'repeated', type: 'float', id: 5 },
            intVal: { rule: 'repeated', type: 'int32', id: 7 },
          },
        },
        AttrValue: {
          oneofs: { value: { oneof: ['list', 's', 'i', 'f', 'b', 'type', 'shape', 'tensor'] } },
          fields: {
            list: { type: 'ListValue', id: 1 },
            s: { type: 'bytes', id: 2 },
            i: { type: 'int64', id: 3 },
            f: { type: 'float', id: 4 },
            b: { type: 'bool', id: 5 },
            type: { type: 'int32', id: 6 },
            shape: { type: 'TensorShapeProto', id: 7 },
            tensor: { type: 'TensorProto', id: 8 },
          },
          nested: { ListValue: { fields: { i: { rule: 'repeated', type: 'int64', id: 3 } } } },
        },
        NodeDef: {
          fields: {
            name: { type: 'string', id: 1 },
            op: { type: 'string', id: 2 },
            input: { rule: 'repeated', type: 'string', id: 3 },
            attr: { keyType: 'string', type: 'AttrValue', id: 5 },
          },
        },
        VersionDef: { fields: { producer: { type: 'int32', id: 1 } } },
        GraphDef: { fields: { node: { rule: 'repeated', type: 'NodeDef', id: 1 }, versions: { type: 'VersionDef', id: 4 } } },
        MetaInfoDef: { fields: { tags: { rule: 'repeated', type: 'string', id: 4 } } },
        MetaGraphDef: { fields: { metaInfoDef: { type: 'MetaInfoDef', id: 1 }, graphDef: { type: 'GraphDef', id: 2 } } },
        SavedModel: { fields: { savedModelSchemaVersion: { type: 'int64', id: 1 }, metaGraphs: { rule: 'repeated', type: 'MetaGraphDef', id: 2 } } },
      },
    },
  },
};

// protobufjs is loaded at the first encoding, not with the package (core is loaded by every command).
let root: Protobuf.Root | undefined;
function protoRoot(): Protobuf.Root {
  if (root === undefined) {
    const protobuf = createRequire(import.meta.url)('protobufjs') as typeof Protobuf;
    root = protobuf.Root.fromJSON(DESCRIPTOR as Protobuf.INamespace);
  }
  return root;
}

/** An attribute value: exactly one of these. */
export type AttrValue =
  | { s: Uint8Array }
  | { i: number }
  | { f: number }
  | { b: boolean }
  | { type: number }
  | { shape: { dim: { size: number }[] } }
  | { list: { i: number[] } }
  | { tensor: { dtype: number; tensorShape: { dim: { size: number }[] }; floatVal?: number[]; intVal?: number[] } };

export interface NodeDef {
  name: string;
  op: string;
  input: string[];
  attr: Record<string, AttrValue>;
}

/** TensorFlow's GraphDef producer version for the ops written here (any recent one reads them). */
const PRODUCER = 1286;

/** A SavedModel (saved_model.pb bytes) holding `nodes` as its only meta graph, under `tag`. */
export function encodeSavedModel(nodes: readonly NodeDef[], tag: string): Uint8Array {
  const SavedModel = protoRoot().lookupType('tf.SavedModel');
  const message = SavedModel.fromObject({
    savedModelSchemaVersion: 1,
    metaGraphs: [{ metaInfoDef: { tags: [tag] }, graphDef: { node: nodes, versions: { producer: PRODUCER } } }],
  });
  return SavedModel.encode(message).finish();
}
