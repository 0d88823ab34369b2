import { Matrix, Rng, matVec, testing } from '@cch-lab/core';
import { gaussianKdModel } from '@cch-lab/data-synthetic';
import { exactKdRisk } from '@cch-lab/theory';
import { closedFormStudents } from './closed-form-students.js';

/** Monte Carlo check at ~4 standard errors: fails by chance in < 1e-4 of seeds. */
const MC_Z = 4;

describe('pipeline/experiments/synthetic/closed-form-students', () => {
  it("matches theory's exact risk from data-synthetic's moments in Monte Carlo (cross-package)", () => {
    const model = gaussianKdModel({ teacherDims: 3, studentDims: 4, margin: -0.1 });
    const n = 12;
    const lambda = 0.7;
    const exact = exactKdRisk({ moments: model.moments, lambda, n });
    const rng = new Rng(7);
    const noKd: number[] = [];
    const kd: number[] = [];
    for (let r = 0; r < 1500; r++) {
      const data = model.sample(n, rng.derive(r), { nTest: 200 });
      const train = data.splits.train;
      const test = data.splits.test;
      const x2 = data.modalities.x2.selectRows(train);
      const y = Float64Array.from(train, (i) => data.labels[i]);
      const t = matVec(data.modalities.x1.selectRows(train), model.teacherWeights);
      const students = closedFormStudents(x2, y, t, [lambda]);
      const x2Test = data.modalities.x2.selectRows(test);
      const mse = (w: Float64Array) => {
        const pred = matVec(x2Test, w);
        let s = 0;
        for (let i = 0; i < test.length; i++) s += (data.labels[test[i]] - pred[i]) ** 2;
        return s / test.length;
      };
      noKd.push(mse(students.noKd));
      kd.push(mse(students.kd[0]));
    }
    const se = (v: number[]) => {
      const m = v.reduce((a, b) => a + b, 0) / v.length;
      return Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / (v.length - 1) / v.length);
    };
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    testing.expectWithinSe(mean(noKd), exact.riskNoKd, se(noKd), MC_Z, 'R0');
    testing.expectWithinSe(mean(kd), exact.risk, se(kd), MC_Z, 'R(λ)');
  });
});
