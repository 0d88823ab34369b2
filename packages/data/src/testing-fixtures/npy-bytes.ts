/**
 * .npy fixtures. `NUMPY_SAVED` holds files written by numpy 2.4 (np.save / format.write_array),
 * base64-encoded, so the reader is checked against real numpy output without needing numpy.
 * `npyBytes` builds files with arbitrary (also invalid) headers for the error cases.
 */
export const NUMPY_SAVED = {
  /** np.save(np.arange(6, dtype='<f4').reshape(2, 3) / 4) */
  f4_2x3:
    'k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAACAPgAAAD8AAEA/AACAPwAAoD8=',
  /** np.save(np.array([2, 0, 1, 2], dtype='<i8')) */
  i8_labels:
    'k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDQsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoCAAAAAAAAAAAAAAAAAAAAAQAAAAAAAAACAAAAAAAAAA==',
  /** format.write_array(f, np.array([[1.5, -2.25]], dtype='<f8'), version=(2, 0)) */
  f8_v2:
    'k05VTVBZAgB0AAAAeydkZXNjcic6ICc8ZjgnLCAnZm9ydHJhbl9vcmRlcic6IEZhbHNlLCAnc2hhcGUnOiAoMSwgMiksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4PwAAAAAAAALA',
  /** np.save(np.arange(8, dtype='u1').reshape(2, 2, 2)) */
  u1_2x2x2:
    'k05VTVBZAQB2AHsnZGVzY3InOiAnfHUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDIsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAQIDBAUGBw==',
} as const;

export function numpySaved(name: keyof typeof NUMPY_SAVED): Buffer {
  return Buffer.from(NUMPY_SAVED[name], 'base64');
}

/** An .npy file with the given header fields and raw data bytes (version 1 unless asked). */
export function npyBytes(
  header: { descr: string; shape: string; fortran?: boolean },
  data: Uint8Array,
  version: 1 | 2 = 1,
): Buffer {
  const dict = `{'descr': '${header.descr}', 'fortran_order': ${header.fortran === true ? 'True' : 'False'}, 'shape': ${header.shape}, }`;
  const prefix = version === 1 ? 10 : 12;
  const total = Math.ceil((prefix + dict.length + 1) / 64) * 64;
  const text = `${dict}${' '.repeat(total - prefix - dict.length - 1)}\n`;
  const head = Buffer.alloc(prefix);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]).copy(head);
  if (version === 1) head.writeUInt16LE(text.length, 8);
  else head.writeUInt32LE(text.length, 8);
  return Buffer.concat([head, Buffer.from(text, 'latin1'), Buffer.from(data)]);
}
