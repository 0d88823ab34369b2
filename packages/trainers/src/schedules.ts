/** Learning-rate schedules, evaluated once per epoch (epoch 0 runs at the base rate). */
import { UnknownMethodError, checkInteger, checkNumber } from '@cch-lab/core';

export const SCHEDULE_NAMES = ['constant', 'step', 'exponential', 'cosine'] as const;
export type ScheduleName = (typeof SCHEDULE_NAMES)[number];

export type ScheduleOptions =
  | { name: 'constant' }
  /** lr·γ^⌊epoch/stepSize⌋ (torch StepLR). */
  | { name: 'step'; stepSize: number; gamma?: number }
  /** lr·γ^epoch (torch ExponentialLR). */
  | { name: 'exponential'; gamma: number }
  /** min + (lr − min)·(1 + cos(π·epoch/epochs))/2 (torch CosineAnnealingLR over the run). */
  | { name: 'cosine'; minLearningRate?: number };

/** Default step-schedule factor. */
const STEP_GAMMA = 0.1;

/**
 * Checks a schedule spec; returns it with defaults filled in.
 * @throws UnknownMethodError for an unknown name; InvalidInputError for bad parameters.
 */
export function resolveSchedule(schedule: ScheduleOptions | undefined, field = 'schedule'): ScheduleOptions {
  if (schedule === undefined) return { name: 'constant' };
  const name = (schedule as { name?: unknown }).name;
  switch (name) {
    case 'constant':
      return { name };
    case 'step': {
      const s = schedule as Extract<ScheduleOptions, { name: 'step' }>;
      checkInteger(s.stepSize, `${field}.stepSize`, { min: 1 });
      const gamma = checkNumber(s.gamma ?? STEP_GAMMA, `${field}.gamma`, { min: 0, max: 1 });
      return { name, stepSize: s.stepSize, gamma };
    }
    case 'exponential': {
      const s = schedule as Extract<ScheduleOptions, { name: 'exponential' }>;
      return { name, gamma: checkNumber(s.gamma, `${field}.gamma`, { min: 0, max: 1 }) };
    }
    case 'cosine': {
      const s = schedule as Extract<ScheduleOptions, { name: 'cosine' }>;
      return { name, minLearningRate: checkNumber(s.minLearningRate ?? 0, `${field}.minLearningRate`, { min: 0 }) };
    }
    default:
      throw new UnknownMethodError('schedule', String(name), SCHEDULE_NAMES, { details: { field: `${field}.name` } });
  }
}

/** The learning rate of `epoch` (0-based) in a run of `epochs`, for a resolved schedule. */
export function learningRateAt(schedule: ScheduleOptions, baseRate: number, epoch: number, epochs: number): number {
  switch (schedule.name) {
    case 'constant':
      return baseRate;
    case 'step':
      return baseRate * (schedule.gamma ?? STEP_GAMMA) ** Math.floor(epoch / schedule.stepSize);
    case 'exponential':
      return baseRate * schedule.gamma ** epoch;
    case 'cosine': {
      const min = schedule.minLearningRate ?? 0;
      return min + ((baseRate - min) * (1 + Math.cos((Math.PI * epoch) / Math.max(1, epochs)))) / 2;
    }
  }
}
