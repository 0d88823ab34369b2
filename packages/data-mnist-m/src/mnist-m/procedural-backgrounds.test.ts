import { createRng } from '@cch-lab/core';
import { TEXTURE_STYLES, proceduralBackgrounds } from './procedural-backgrounds.js';

describe('data-mnist-m/procedural-backgrounds', () => {
  it('is a function of the seed; texture t does not depend on the count', () => {
    const a = proceduralBackgrounds(createRng(11), 20);
    const b = proceduralBackgrounds(createRng(11), 5);
    const c = proceduralBackgrounds(createRng(12), 20);
    expect(Buffer.from(a.get(3).rgb).equals(Buffer.from(b.get(3).rgb))).toBe(true);
    expect(Buffer.from(a.get(3).rgb).equals(Buffer.from(c.get(3).rgb))).toBe(false);
    expect(a.get(3)).toBe(a.get(3));
  });

  it('uses every style, 96 × 96 RGB, with colour and spatial variation in each', () => {
    const set = proceduralBackgrounds(createRng(1), 60);
    const styles = new Set<string>();
    for (let t = 0; t < set.count; t++) {
      const bg = set.get(t);
      expect([bg.width, bg.height, bg.rgb.length]).toEqual([96, 96, 96 * 96 * 3]);
      styles.add(bg.name.split('/')[2]);
      let sum = 0;
      let sq = 0;
      for (let p = 0; p < bg.rgb.length; p += 3) {
        const lum = bg.rgb[p] + bg.rgb[p + 1] + bg.rgb[p + 2];
        sum += lum;
        sq += lum * lum;
      }
      const m = sum / (96 * 96);
      expect(Math.sqrt(sq / (96 * 96) - m * m)).toBeGreaterThan(5);
    }
    expect([...styles].sort()).toEqual([...TEXTURE_STYLES].sort());
  });
});
