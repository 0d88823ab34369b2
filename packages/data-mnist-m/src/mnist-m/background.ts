/** A colour background image that patches are cropped from. */
export interface Background {
  width: number;
  height: number;
  /** height × width × 3 (HWC, row-major) bytes, 0..255. */
  rgb: Uint8Array;
  /** Where it came from: a file name, or `procedural/<index>/<style>`. */
  name: string;
}

/** Backgrounds by index 0..count−1 (procedural ones are made on first use). */
export interface BackgroundSet {
  count: number;
  get(index: number): Background;
}
