/** The widths a model builder takes from the data. */
export interface NetworkShape {
  /** Columns of one input row. */
  inputWidth: number;
  /** Shape of one input row when it is an image ([h, w, c]); from the data set's `featureShapes`. */
  featureShape?: readonly number[];
  /** Number of classes, or 1 for regression. */
  outputUnits: number;
}
