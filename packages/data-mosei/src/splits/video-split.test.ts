import { videoSplit } from './video-split.js';

describe('videoSplit', () => {
  const videos = ['a', 'a', 'b', 'c', 'c', 'c', 'd', 'e', 'f', 'g', 'g', 'h', 'i', 'j'];
  const partOf = (s: ReturnType<typeof videoSplit>) => {
    const parts = new Map<number, string>();
    for (const [name, rows] of Object.entries(s.splits)) for (const i of rows as Int32Array) parts.set(i, name);
    return parts;
  };

  it('follows the standard folds for listed videos and never splits a video', () => {
    const s = videoSplit(videos, { folds: { train: ['a'], valid: ['b'], test: ['c'] }, test: 0.3, val: 0.2, seed: 1 });
    const parts = partOf(s);
    expect([parts.get(0), parts.get(1), parts.get(2), parts.get(3), parts.get(5)]).toEqual(['train', 'train', 'val', 'test', 'test']);
    expect(s.byFold).toBe(6);
    expect(s.bySeed).toBe(videos.length - 6);
    expect(parts.size).toBe(videos.length);
    const byVideo = new Map<string, string>();
    videos.forEach((v, i) => {
      expect(byVideo.get(v) ?? parts.get(i)).toBe(parts.get(i));
      byVideo.set(v, parts.get(i) as string);
    });
  });

  it('is seeded: the same seed gives the same split, another seed another', () => {
    const one = videoSplit(videos, { test: 0.3, val: 0.2, seed: 5 });
    expect(videoSplit(videos, { test: 0.3, val: 0.2, seed: 5 })).toEqual(one);
    const others = [6, 7, 8, 9].map((seed) => videoSplit(videos, { test: 0.3, val: 0.2, seed }).splits.test);
    expect(others.some((t) => JSON.stringify(Array.from(t)) !== JSON.stringify(Array.from(one.splits.test)))).toBe(true);
    // Fractions are of videos: 10 videos → 3 test, 2 validation.
    expect(new Set(Array.from(one.splits.test, (i) => videos[i])).size).toBe(3);
    expect(new Set(Array.from(one.splits.val ?? [], (i) => videos[i])).size).toBe(2);
  });
});
