/**
 * Procedural colour textures, the stand-in for BSDS500's photos when no backgrounds folder is
 * given: pure TypeScript, a function of the seed only. Each texture is a scalar field (fractal
 * value noise, noise-warped marble bands, stripes, Voronoi cells or a noisy gradient) mapped through
 * a random palette of 3–5 colours, then shaded by a second noise field and given a fine grain, so a
 * 28 × 28 crop looks like a patch of a varied colourful photo rather than a flat colour.
 */
import type { Rng } from '@cch-lab/core';
import type { Background, BackgroundSet } from './background.js';

/** Textures made per seed (BSDS500's training set has 200 photos). */
export const PROCEDURAL_TEXTURE_COUNT = 200;
/** Side of each square texture in pixels (a 28 × 28 crop sees about a third of it). */
export const PROCEDURAL_TEXTURE_SIDE = 96;
/** Bumped whenever the textures for a given seed change (part of the cache key). */
export const PROCEDURAL_VERSION = 1;

export const TEXTURE_STYLES = ['clouds', 'marble', 'stripes', 'cells', 'gradient'] as const;
export type TextureStyle = (typeof TEXTURE_STYLES)[number];

// Hoisted: inside jest's vm context every `Math.…` in a hot loop is a slow global lookup.
const { floor, min, round, sin, cos, imul, PI } = Math;

type Rgb = [number, number, number];

/**
 * `count` textures of `side` × `side` pixels drawn from `rng`. Texture t uses rng.derive(t) only,
 * so it does not depend on count or on which others were made: `get(t)` makes it on first use.
 */
export function proceduralBackgrounds(rng: Rng, count = PROCEDURAL_TEXTURE_COUNT, side = PROCEDURAL_TEXTURE_SIDE): BackgroundSet {
  const made: Background[] = [];
  return {
    count,
    get: (t) => (made[t] ??= proceduralTexture(rng.derive(t), side, t)),
  };
}

function proceduralTexture(rng: Rng, side: number, index: number): Background {
  const style = TEXTURE_STYLES[rng.int(TEXTURE_STYLES.length)];
  const field = styleField(style, rng, side);
  const palette = randomPalette(rng);
  const shade = fbm(rng, side, 2 + rng.int(3), 3, 0.5);
  const shadeDepth = rng.uniformIn(0.15, 0.5);
  const grain = rng.uniformIn(0.01, 0.05);
  const grainSeed = rng.nextUint32();
  const rgb = new Uint8Array(side * side * 3);
  const colour: Rgb = [0, 0, 0];
  for (let p = 0; p < side * side; p++) {
    paletteAt(palette, clamp01(field[p]), colour);
    const light = 1 + shadeDepth * (2 * shade[p] - 1);
    // One 32-bit hash of (seed, pixel) gives the three channels' grain (10 bits each).
    const bits = hashPixel(grainSeed, p);
    for (let c = 0; c < 3; c++) {
      const noise = ((bits >>> (10 * c)) & 1023) / 511.5 - 1;
      rgb[p * 3 + c] = round(255 * clamp01(colour[c] * light + grain * noise));
    }
  }
  return { width: side, height: side, rgb, name: `procedural/${index}/${style}` };
}

/** The style's scalar field over the side × side pixels (row-major), roughly in [0, 1]. */
function styleField(style: TextureStyle, rng: Rng, side: number): Float32Array {
  const out = new Float32Array(side * side);
  switch (style) {
    case 'clouds': {
      const noise = fbm(rng, side, 2 + rng.int(4), 5, rng.uniformIn(0.45, 0.65));
      // Value noise clusters around 0.5; spread it so the whole palette is used.
      for (let p = 0; p < out.length; p++) out[p] = 0.5 + 1.8 * (noise[p] - 0.5);
      return out;
    }
    case 'marble': {
      const warp = fbm(rng, side, 2 + rng.int(3), 4, 0.5);
      const [cx, cy] = direction(rng);
      const bands = rng.uniformIn(2, 7);
      const amount = rng.uniformIn(1.5, 5);
      eachPixel(side, (p, u, v) => {
        out[p] = 0.5 + 0.5 * sin(2 * PI * (bands * (cx * u + cy * v)) + amount * warp[p]);
      });
      return out;
    }
    case 'stripes': {
      const warp = fbm(rng, side, 2, 3, 0.5);
      const [cx, cy] = direction(rng);
      const bands = rng.uniformIn(3, 12);
      const amount = rng.uniformIn(0, 0.6);
      const duty = rng.uniformIn(0.3, 0.7);
      eachPixel(side, (p, u, v) => {
        const s = bands * (cx * u + cy * v) + amount * warp[p];
        out[p] = smoothstep(duty - 0.08, duty + 0.08, s - floor(s));
      });
      return out;
    }
    case 'cells': {
      const k = 4 + rng.int(12);
      const px = rng.uniforms(k);
      const py = rng.uniforms(k);
      const level = rng.uniforms(k);
      const wobble = fbm(rng, side, 3, 3, 0.5);
      eachPixel(side, (p, u, v) => {
        let best = 4;
        let which = 0;
        for (let j = 0; j < k; j++) {
          const d = (u - px[j]) * (u - px[j]) + (v - py[j]) * (v - py[j]);
          if (d < best) {
            best = d;
            which = j;
          }
        }
        out[p] = 0.8 * level[which] + 0.2 * wobble[p];
      });
      return out;
    }
    case 'gradient': {
      const [cx, cy] = direction(rng);
      const noise = fbm(rng, side, 3 + rng.int(3), 4, 0.55);
      const amount = rng.uniformIn(0.2, 0.5);
      eachPixel(side, (p, u, v) => {
        out[p] = (1 - amount) * (0.5 + 0.7 * (cx * (u - 0.5) + cy * (v - 0.5))) + amount * noise[p];
      });
      return out;
    }
  }
}

function eachPixel(side: number, body: (p: number, u: number, v: number) => void): void {
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) body(y * side + x, x / side, y / side);
}

/**
 * Fractal value noise over side × side pixels: `octaves` lattices of random values, the first
 * with `cells` cells a side and each next one twice as fine with `gain` times the weight,
 * smoothstep-interpolated; normalised to [0, 1].
 */
function fbm(rng: Rng, side: number, cells: number, octaves: number, gain: number): Float32Array {
  const sum = new Float64Array(side * side);
  let total = 0;
  for (let o = 0, n = cells, weight = 1; o < octaves; o++, n *= 2, weight *= gain) {
    const grid = rng.uniforms((n + 1) * (n + 1));
    total += weight;
    for (let y = 0; y < side; y++) {
      const gy = (y / side) * n;
      const iy = min(floor(gy), n - 1);
      const fy = smooth(gy - iy);
      const row = iy * (n + 1);
      for (let x = 0; x < side; x++) {
        const gx = (x / side) * n;
        const ix = min(floor(gx), n - 1);
        const fx = smooth(gx - ix);
        const a = grid[row + ix];
        const b = grid[row + ix + 1];
        const c = grid[row + n + 1 + ix];
        const d = grid[row + n + 1 + ix + 1];
        sum[y * side + x] += weight * (a + (b - a) * fx + (c - a) * fy + (a - b - c + d) * fx * fy);
      }
    }
  }
  const out = new Float32Array(side * side);
  for (let p = 0; p < out.length; p++) out[p] = sum[p] / total;
  return out;
}

/** 3–5 colours from HSV with random hue, saturation 0.35–1 and value 0.2–1. */
function randomPalette(rng: Rng): Rgb[] {
  const k = 3 + rng.int(3);
  const baseHue = rng.uniform();
  const spread = rng.uniformIn(0.1, 0.6);
  return Array.from({ length: k }, () => hsv((baseHue + spread * rng.normal()) % 1, rng.uniformIn(0.35, 1), rng.uniformIn(0.2, 1)));
}

function paletteAt(palette: Rgb[], t: number, out: Rgb): void {
  const s = t * (palette.length - 1);
  const i = min(floor(s), palette.length - 2);
  const f = s - i;
  for (let c = 0; c < 3; c++) out[c] = palette[i][c] + (palette[i + 1][c] - palette[i][c]) * f;
}

function hsv(h: number, s: number, v: number): Rgb {
  const hh = ((h % 1) + 1) % 1 * 6;
  const i = floor(hh);
  const f = hh - i;
  const p = v * (1 - s);
  const q = v * (1 - s * f);
  const t = v * (1 - s * (1 - f));
  switch (i) {
    case 0: return [v, t, p];
    case 1: return [q, v, p];
    case 2: return [p, v, t];
    case 3: return [p, q, v];
    case 4: return [t, p, v];
    default: return [v, p, q];
  }
}

function direction(rng: Rng): [number, number] {
  const angle = rng.uniformIn(0, PI);
  return [cos(angle), sin(angle)];
}

/** A 32-bit integer hash of (seed, i) (the murmur3 finaliser), for per-pixel grain. */
function hashPixel(seed: number, i: number): number {
  let h = (seed ^ imul(i, 0x9e3779b1)) >>> 0;
  h = imul(h ^ (h >>> 16), 0x85ebca6b);
  h = imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function smooth(t: number): number {
  return t * t * (3 - 2 * t);
}

function smoothstep(a: number, b: number, t: number): number {
  return smooth(clamp01((t - a) / (b - a)));
}

function clamp01(t: number): number {
  return t < 0 ? 0 : t > 1 ? 1 : t;
}
