/**
 * The fitted KD student of Theorem 1 in closed form. The objective
 *   Σ_i (y_i − w'x2_i)² + λ Σ_i (w'x2_i − t_i)²
 * has gradient zero at (1+λ) X2'X2 w = X2'(y + λ t), so ŵ(λ) = (ŵ_y + λ ŵ_t)/(1+λ): a convex blend
 * of the least-squares fits to the labels and to the teacher's outputs (REFERENCE.md §1). A
 * gradient-trained linear student must match it to numerical precision.
 */
import { InvalidInputError, Matrix, checkFiniteArray, checkFiniteMatrix, checkSameRows, cholesky, choleskySolve, matTMul } from '@cch-lab/core';
import { checkLambda } from './exact-risk.js';

export interface KdStudentOptions {
  /** Also fit an intercept (columns and targets centred; the intercept is unpenalised). Default false. */
  intercept?: boolean;
}

/** A linear fit: prediction = weights'x + bias. */
export interface LinearFit {
  /** Length p. */
  weights: Float64Array;
  /** 0 without an intercept. */
  bias: number;
}

export interface KdStudentFit extends LinearFit {
  lambda: number;
  /** ŵ_y: least squares of y on x2. */
  labelFit: LinearFit;
  /** ŵ_t: least squares of the teacher's outputs t on x2. */
  teacherFit: LinearFit;
}

/** ŵ(λ) for several λ from one pair of least-squares fits. */
export interface KdStudentPath {
  /** ŵ_y: least squares of y on x2 (= ŵ(0)). */
  labelFit: LinearFit;
  /** ŵ_t: least squares of the teacher's outputs t on x2 (= ŵ(∞)). */
  teacherFit: LinearFit;
  /** ŵ(λ) for each λ, in the order given. */
  students: KdStudentFit[];
}

/**
 * ŵ(λ) = (ŵ_y + λ ŵ_t)/(1+λ) from data: x2 is n × p (row-major), y and t have length n; λ may
 * be `Infinity` (the teacher fit alone).
 * @throws InvalidInputError on misaligned or non-finite inputs, or X2'X2 not positive definite.
 */
export function kdStudentClosedForm(
  x2: Matrix,
  y: ArrayLike<number>,
  t: ArrayLike<number>,
  lambda: number,
  options: KdStudentOptions = {},
): KdStudentFit {
  return fitPath(x2, y, t, [lambda], options, 'kdStudentClosedForm').students[0];
}

/**
 * ŵ(λ) for every λ in `lambdas` (as kdStudentClosedForm), fitting ŵ_y and ŵ_t once: the blend is
 * all that depends on λ, so a λ sweep costs two least-squares solves.
 * @throws InvalidInputError as kdStudentClosedForm, for any λ.
 */
export function kdStudentPath(
  x2: Matrix,
  y: ArrayLike<number>,
  t: ArrayLike<number>,
  lambdas: readonly number[],
  options: KdStudentOptions = {},
): KdStudentPath {
  return fitPath(x2, y, t, lambdas, options, 'kdStudentPath');
}

function fitPath(
  x2: Matrix,
  y: ArrayLike<number>,
  t: ArrayLike<number>,
  lambdas: readonly number[],
  options: KdStudentOptions,
  where: string,
): KdStudentPath {
  for (const lambda of lambdas) checkLambda(lambda, where);
  checkStudentData(x2, y, t, options, where);
  const design = centredDesign(x2, options.intercept ?? false);
  const labelFit = leastSquares(design, y);
  const teacherFit = leastSquares(design, t);
  return { labelFit, teacherFit, students: lambdas.map((lambda) => blend(labelFit, teacherFit, lambda)) };
}

/** (ŵ_y + λ ŵ_t)/(1+λ), weights and bias; λ = ∞ gives ŵ_t. */
function blend(labelFit: LinearFit, teacherFit: LinearFit, lambda: number): KdStudentFit {
  const wy = lambda === Number.POSITIVE_INFINITY ? 0 : 1 / (1 + lambda);
  const wt = lambda === Number.POSITIVE_INFINITY ? 1 : lambda / (1 + lambda);
  const weights = new Float64Array(labelFit.weights.length);
  for (let j = 0; j < weights.length; j++) weights[j] = wy * labelFit.weights[j] + wt * teacherFit.weights[j];
  return { weights, bias: wy * labelFit.bias + wt * teacherFit.bias, lambda, labelFit, teacherFit };
}

/**
 * The same student by a direct solve of (1+λ) X2'X2 w = X2'(y + λ t) (λ finite); a check on the
 * closed form, and the form a reader of Theorem 1 recognises.
 * @throws InvalidInputError as kdStudentClosedForm, and for λ = ∞.
 */
export function kdStudentDirect(
  x2: Matrix,
  y: ArrayLike<number>,
  t: ArrayLike<number>,
  lambda: number,
  options: KdStudentOptions = {},
): LinearFit {
  const where = 'kdStudentDirect';
  checkLambda(lambda, where);
  if (!Number.isFinite(lambda)) {
    throw new InvalidInputError(`${where}: λ must be finite for the direct solve`, {
      details: { field: 'lambda', received: String(lambda) },
      hint: 'use kdStudentClosedForm for λ = Infinity',
    });
  }
  checkStudentData(x2, y, t, options, where);
  const design = centredDesign(x2, options.intercept ?? false);
  const n = x2.rows;
  const p = x2.cols;
  const gram = matTMul(design.x, design.x);
  for (let k = 0; k < gram.data.length; k++) gram.data[k] *= 1 + lambda;
  const target = new Float64Array(n);
  for (let i = 0; i < n; i++) target[i] = y[i] + lambda * t[i];
  const rhs = matTMul(design.x, Matrix.column(target));
  const weights = choleskySolve(cholesky(gram), rhs).data;
  let bias = 0;
  if (design.means !== null) {
    // The intercept's own normal equation: n(1+λ) b = Σ(y + λt) − (1+λ) Σ w'x.
    let meanTarget = 0;
    for (let i = 0; i < n; i++) meanTarget += target[i];
    meanTarget /= n * (1 + lambda);
    let shift = 0;
    for (let j = 0; j < p; j++) shift += weights[j] * design.means[j];
    bias = meanTarget - shift;
  }
  return { weights, bias };
}

interface Design {
  /** x2 (float64), centred when an intercept is fitted. */
  x: Matrix<Float64Array>;
  /** Column means, or null without an intercept. */
  means: Float64Array | null;
}

function centredDesign(x2: Matrix, intercept: boolean): Design {
  const x = new Matrix(Float64Array.from(x2.data), x2.rows, x2.cols);
  if (!intercept) return { x, means: null };
  const means = new Float64Array(x.cols);
  for (let i = 0; i < x.rows; i++) for (let j = 0; j < x.cols; j++) means[j] += x.data[i * x.cols + j];
  for (let j = 0; j < x.cols; j++) means[j] /= x.rows;
  for (let i = 0; i < x.rows; i++) for (let j = 0; j < x.cols; j++) x.data[i * x.cols + j] -= means[j];
  return { x, means };
}

/** Least squares of `target` on the design via the normal equations (p is small: ≤ a few hundred). */
function leastSquares(design: Design, target: ArrayLike<number>): LinearFit {
  const gram = matTMul(design.x, design.x);
  const rhs = matTMul(design.x, Matrix.column(target));
  const weights = choleskySolve(cholesky(gram), rhs).data;
  if (design.means === null) return { weights, bias: 0 };
  let meanTarget = 0;
  for (let i = 0; i < target.length; i++) meanTarget += target[i];
  meanTarget /= target.length;
  let shift = 0;
  for (let j = 0; j < weights.length; j++) shift += weights[j] * design.means[j];
  return { weights, bias: meanTarget - shift };
}

function checkStudentData(x2: Matrix, y: ArrayLike<number>, t: ArrayLike<number>, options: KdStudentOptions, where: string): void {
  const at = { where };
  checkFiniteMatrix(x2, 'x2', at);
  checkSameRows(x2, y, ['x2', 'y'], at);
  checkSameRows(x2, t, ['x2', 't'], at);
  checkFiniteArray(y, 'y', at);
  checkFiniteArray(t, 't', at);
  const minRows = x2.cols + (options.intercept === true ? 1 : 0);
  if (x2.rows < minRows) {
    throw new InvalidInputError(`${where}: least squares needs at least ${minRows} rows for ${x2.cols} features, got ${x2.rows}`, {
      details: { field: 'x2', received: `${x2.rows} × ${x2.cols}` },
      hint: 'use more rows than features',
    });
  }
}
