import { contentHash, stableStringify } from './hash.js';

describe('core/hash', () => {
  it('ignores key order and undefined values but not content', () => {
    expect(stableStringify({ b: 1, a: { d: [1, 2], c: undefined } })).toBe('{"a":{"d":[1,2]},"b":1}');
    expect(contentHash({ a: 1, b: 2 })).toBe(contentHash({ b: 2, a: 1 }));
    expect(contentHash({ a: 1, b: 2 })).not.toBe(contentHash({ a: 1, b: 3 }));
    expect(contentHash({ a: new Float64Array([1, 2]) })).toBe(contentHash({ a: [1, 2] }));
  });
});
