// @cch-lab/theory — closed forms of the joint Gaussian KD model. Re-exports only.

// Mutual information of Gaussians (both sides of the CCH)
export { gaussianMiFromCorrelation, gaussianMiFromCovariance, natsToBits } from './gaussian-mi.js';

// The model: moments and population quantities (w*, v, residuals, CCH margin)
export { kdMomentsFromCovariance, checkKdMoments } from './kd-moments.js';
export type { KdMoments, KdBlockDims } from './kd-moments.js';
export { kdPopulation } from './kd-population.js';
export type { CchSides, KdPopulation, KdModelInput } from './kd-population.js';

// The exact finite-sample risk R(λ), its optimum in λ and its break-even training size
export { exactKdRisk } from './exact-risk.js';
export type { ExactKdRisk, ExactKdRiskInput, KdRiskModel, KdTrainingShape } from './exact-risk.js';
export { kdVarianceFactor } from './risk-terms.js';
export type { RiskParts } from './risk-terms.js';
export { optimalKdLambda, LAMBDA_REGIMES } from './optimal-kd-lambda.js';
export type { OptimalKdLambda, LambdaRegime } from './optimal-kd-lambda.js';
export { kdBreakEvenSampleSize, SAMPLE_SIZE_REGIMES } from './break-even-sample-size.js';
export type { BreakEvenSampleSize, SampleSizeRegime } from './break-even-sample-size.js';

// The fitted student ŵ(λ) = (ŵ_y + λ ŵ_t)/(1+λ)
export { kdStudentClosedForm, kdStudentPath, kdStudentDirect } from './kd-student-closed-form.js';
export type { KdStudentFit, KdStudentOptions, KdStudentPath, LinearFit } from './kd-student-closed-form.js';

// The plug-in criterion: predicted KD gain from sample moments
export { plugInGain } from './plug-in-gain.js';
export type { PlugInGain, PlugInGainInput, PlugInTeacher } from './plug-in-gain.js';
