/**
 * The one-call experiment unit: teacher → no-KD student → KD student(s) on a paired data set, with
 * the representations the CCH estimators need. The no-KD and KD students start from the same
 * initial weights and see the same batch order (same derived Rng), so a KD effect is not an
 * initialisation effect. Fusion + KD: pass a list as `studentModality`.
 */
import { InvalidInputError, silentReporter, type Matrix, type Reporter, type Rng } from '@cch-lab/core';
import type { DataSource, PairedDataset, Task } from '@cch-lab/data';
import type { FitHistory } from './fit/fit-loop.js';
import type { TrainOptions } from './fit/train-options.js';
import { modalityList, modalityName, type ModalitySelection } from './fusion.js';
import { prepareTrainingBackend } from './kernels/prepare-backend.js';
import { resolveKdOptions, type KdOptions, type ResolvedKdOptions } from './losses/kd-loss.js';
import type { Metrics } from './metrics/evaluate.js';
import type { ModelSpec, ResolvedModelSpec } from './models/model-spec.js';
import { train } from './train.js';
import type { TrainedModel } from './trained-model.js';

export const REPRESENTATION_SPLITS = ['train', 'val', 'test'] as const;
export type RepresentationSplit = (typeof REPRESENTATION_SPLITS)[number];

export interface DistillationOptions {
  dataset: PairedDataset;
  /** The teacher's modality (or an early fusion). */
  teacherModality: ModalitySelection;
  /** The student's modality; a list means an early-fused student (the paper's fusion + KD). */
  studentModality: ModalitySelection;
  /** One architecture for teacher and students (the paper), or one each. */
  model: ModelSpec | { teacher: ModelSpec; student: ModelSpec };
  /** KD settings; a list trains one KD student per entry (the no-KD student and teacher are shared). */
  kd: KdOptions | readonly KdOptions[];
  /** Training options for all, or per role. Default TRAIN_DEFAULTS. */
  train?: TrainOptions | { teacher?: TrainOptions; student?: TrainOptions };
  /** Split whose rows give the representations. Default 'test' (held out, so memorisation does not inflate MI). */
  representationSplit?: RepresentationSplit;
  /** Layer read as H. Default each network's penultimate layer (the output for a linear model). */
  representationLayer?: string | { teacher?: string; student?: string };
  rng: Rng;
  /** Progress lines (one per epoch per model) and warnings. Default silent. */
  reporter?: Reporter;
  /** Return the trained models (the caller disposes them) instead of freeing them. Default false. */
  keepModels?: boolean;
  /**
   * Models already trained (e.g. one omics' model serving as the teacher of several students).
   * They are used as they are and never disposed here. A pretrained student must have been trained
   * with `rng.derive('student')` of this call's `rng`, so the KD students share its initial weights
   * and batch order.
   */
  pretrained?: { teacher?: TrainedModel; student?: TrainedModel };
}

export interface RunSummary {
  /** The modality name ('a+b' for a fusion). */
  modality: string;
  model: ResolvedModelSpec;
  /** Held-out (test split) metrics; null when the test split is empty. */
  metrics: Metrics | null;
  history: FitHistory;
  /** Trainable parameters. */
  parameters: number;
  seconds: number;
}

export interface KdRunSummary extends RunSummary {
  kd: ResolvedKdOptions;
}

export interface DistillationResult {
  dataset: { name: string; source: DataSource; task: Task };
  /** The tfjs backend that trained the models. */
  backend: string;
  teacher: RunSummary;
  /** The student trained without KD. */
  student: RunSummary;
  /** The first KD student (kdStudents[0]). */
  kdStudent: KdRunSummary;
  /** One KD student per `kd` entry, in order. */
  kdStudents: KdRunSummary[];
  /** H of the teacher and of the no-KD student on the same rows, for I(H_t; H_s) and I(H_s; Y). */
  representations: {
    split: RepresentationSplit;
    /** The data-set rows, in order. */
    rows: Int32Array;
    teacher: Matrix<Float32Array>;
    student: Matrix<Float32Array>;
    /** The labels of those rows. */
    labels: Int32Array | Float32Array;
    teacherLayer: string;
    studentLayer: string;
  };
  /** Present with keepModels. */
  models?: { teacher: TrainedModel; student: TrainedModel; kdStudents: TrainedModel[] };
  seconds: number;
}

/**
 * Trains a teacher, a no-KD student and KD students, and extracts representations.
 * @throws InvalidInputError / UnknownMethodError for bad options (before any training).
 */
export async function runDistillation(options: DistillationOptions): Promise<DistillationResult> {
  const started = performance.now();
  const { dataset, rng } = options;
  const reporter = options.reporter ?? silentReporter;
  const kdList = (Array.isArray(options.kd) ? options.kd : [options.kd]) as KdOptions[];
  if (kdList.length === 0) throw new InvalidInputError('kd needs at least one setting', { details: { field: 'kd', received: '[]' } });
  kdList.forEach((k, i) => resolveKdOptions(k, `kd[${i}]`));
  const models = isPerRole(options.model) ? options.model : { teacher: options.model, student: options.model };
  const trainOptions = isPerRoleTrain(options.train) ? options.train : { teacher: options.train, student: options.train };
  const split = options.representationSplit ?? 'test';
  if (!(REPRESENTATION_SPLITS as readonly string[]).includes(split)) {
    throw new InvalidInputError(`representationSplit must be one of ${REPRESENTATION_SPLITS.join(', ')}`, {
      details: { field: 'representationSplit', received: String(split) },
    });
  }
  const rows = dataset.splits[split];
  if (rows === undefined || rows.length === 0) {
    throw new InvalidInputError(`the '${split}' split of '${dataset.name}' is empty; representations need rows`, {
      details: { field: 'representationSplit', received: split },
    });
  }
  const layers = typeof options.representationLayer === 'object' ? options.representationLayer : { teacher: options.representationLayer, student: options.representationLayer };
  const backend = prepareTrainingBackend();
  const studentName = modalityName(options.studentModality);
  const teacherName = modalityName(options.teacherModality);

  checkPretrained(options.pretrained?.teacher, options.teacherModality, 'teacher');
  checkPretrained(options.pretrained?.student, options.studentModality, 'student');
  const trained: TrainedModel[] = [];
  /** A role's model: the pretrained one as given (never disposed here), else trained from the role's own stream. */
  const modelFor = async (role: 'teacher' | 'student'): Promise<TrainedModel> => {
    const selection = role === 'teacher' ? options.teacherModality : options.studentModality;
    const given = options.pretrained?.[role];
    if (given !== undefined) return given;
    const model = await train(models[role], dataset, {
      modality: modalityList(selection),
      train: trainOptions[role],
      rng: rng.derive(role),
      reporter,
      label: `${role} ${modalityName(selection)}`,
    });
    trained.push(model);
    return model;
  };
  try {
    const teacher = await modelFor('teacher');
    // The same derived Rng for every student: equal initial weights, batch order and dropout masks.
    const student = await modelFor('student');
    const kdStudents: TrainedModel[] = [];
    for (const [i, kd] of kdList.entries()) {
      const resolved = resolveKdOptions(kd, `kd[${i}]`);
      const kdStudent = await train(models.student, dataset, {
        modality: modalityList(options.studentModality),
        train: trainOptions.student,
        kd: { ...resolved, teacher },
        rng: rng.derive('student'),
        reporter,
        label: `kd student ${studentName} ← ${teacherName} (λ=${resolved.lambda}, T=${resolved.temperature}, ${resolved.form})`,
      });
      trained.push(kdStudent);
      kdStudents.push(kdStudent);
    }
    const teacherLayer = layers.teacher ?? teacher.net.representationLayer;
    const studentLayer = layers.student ?? student.net.representationLayer;
    const representations = {
      split,
      rows: Int32Array.from(rows),
      teacher: teacher.representation(teacher.inputs(dataset, rows), teacherLayer),
      student: student.representation(student.inputs(dataset, rows), studentLayer),
      labels: dataset.task === 'classification' ? Int32Array.from(rows, (i) => dataset.labels[i]) : Float32Array.from(rows, (i) => dataset.labels[i]),
      teacherLayer,
      studentLayer,
    };
    const kdSummaries = kdStudents.map((m, i) => ({ ...summary(m), kd: resolveKdOptions(kdList[i]) }));
    const result: DistillationResult = {
      dataset: { name: dataset.name, source: dataset.source, task: dataset.task },
      backend,
      teacher: summary(teacher),
      student: summary(student),
      kdStudent: kdSummaries[0],
      kdStudents: kdSummaries,
      representations,
      seconds: 0,
    };
    if (options.keepModels === true) result.models = { teacher, student, kdStudents };
    result.seconds = (performance.now() - started) / 1000;
    return result;
  } catch (error) {
    trained.forEach((m) => m.dispose());
    throw error;
  } finally {
    // Dispose is idempotent, so models already freed on an error are skipped here.
    if (options.keepModels !== true) trained.forEach((m) => m.dispose());
  }
}

function checkPretrained(model: TrainedModel | undefined, selection: ModalitySelection, role: 'teacher' | 'student'): void {
  if (model === undefined) return;
  const expected = modalityName(selection);
  if (modalityName(model.modality) !== expected) {
    throw new InvalidInputError(`the pretrained ${role} reads '${modalityName(model.modality)}', not '${expected}'`, {
      details: { field: `pretrained.${role}`, received: modalityName(model.modality) },
    });
  }
}

function summary(m: TrainedModel): RunSummary {
  return {
    modality: modalityName(m.modality),
    model: m.spec,
    metrics: m.metrics,
    history: m.history,
    parameters: m.net.parameterCount(),
    seconds: m.seconds,
  };
}

function isPerRole(model: DistillationOptions['model']): model is { teacher: ModelSpec; student: ModelSpec } {
  return typeof model === 'object' && model !== null && !('kind' in model) && 'teacher' in model && 'student' in model;
}

function isPerRoleTrain(t: DistillationOptions['train']): t is { teacher?: TrainOptions; student?: TrainOptions } {
  return typeof t === 'object' && t !== null && ('teacher' in t || 'student' in t);
}
