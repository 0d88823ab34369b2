/** How the k-NN engine runs: which algorithm and how many workers. */

/** Algorithms: a kd-tree (low dimension), a tiled brute force (high dimension), or the naive reference. */
export const KNN_METHODS = ['auto', 'tree', 'brute', 'naive'] as const;
export type KnnMethod = (typeof KNN_METHODS)[number];

export interface KnnEngineOptions {
  /** Algorithm; 'auto' picks the tree up to a joint dimension that depends on n, brute force above. Default 'auto'. */
  method?: KnnMethod;
  /**
   * Worker threads for the brute force when the work is large: n²·dim above ~2·10⁸ when set, above
   * ~2·10⁹ with the default (a worker's start-up costs about one n = 5 000, 40-d KSG here); 1 keeps
   * everything in this thread. Default: the available parallelism, at most 4.
   */
  workers?: number;
  /**
   * How many estimates of this size the caller runs back to back (a shuffle null's permutations, a
   * subsample interval's draws): the default worker threshold applies to their total work, since
   * the worker pool stays up between them. Default 1. The numbers do not depend on it.
   */
  repeats?: number;
  /**
   * Split the work into this many parts even in-thread (the code path workers run); results are
   * bit-identical for every value. Default: one part per worker.
   */
  parts?: number;
}
