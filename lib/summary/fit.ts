/**
 * The two fits behind the TL;DR model, written out because both are a few dozen lines of
 * Newton's method over at most a few dozen features: no npm package does L2-regularised
 * logistic regression and a listwise softmax ranker on plain arrays without pulling in a tensor
 * library. Both start from zero, visit the data in the order given and run a fixed number of
 * steps, so the same data gives the same weights, bit for bit.
 */

/** Solves `a x = b` for a symmetric positive definite `a` (Cholesky); `a` is n×n, row-major. */
export function solveSymmetric(a: readonly number[][], b: readonly number[]): number[] {
  const n = b.length;
  const l = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i]![j]!;
      for (let k = 0; k < j; k++) sum -= l[i]![k]! * l[j]![k]!;
      if (i === j) {
        if (sum <= 0) throw new Error('solveSymmetric: matrix is not positive definite');
        l[i]![i] = Math.sqrt(sum);
      } else {
        l[i]![j] = sum / l[j]![j]!;
      }
    }
  }
  const y = new Array<number>(n).fill(0);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i]![k]! * y[k]!;
    y[i] = sum / l[i]![i]!;
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let sum = y[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k]![i]! * x[k]!;
    x[i] = sum / l[i]![i]!;
  }
  return x;
}

/** Mean and standard deviation of each column, so the penalty treats every feature alike. */
function standardisation(rows: readonly (readonly number[])[], width: number): { mean: number[]; scale: number[] } {
  const mean = new Array<number>(width).fill(0);
  const scale = new Array<number>(width).fill(0);
  for (const row of rows) for (let k = 0; k < width; k++) mean[k]! += row[k]! / rows.length;
  for (const row of rows) for (let k = 0; k < width; k++) scale[k]! += (row[k]! - mean[k]!) ** 2 / rows.length;
  // A constant column (the bias) keeps its raw values.
  return {
    mean: mean.map((m, k) => (scale[k]! > 1e-12 ? m : 0)),
    scale: scale.map((v) => (v > 1e-12 ? Math.sqrt(v) : 1)),
  };
}

function standardise(row: readonly number[], mean: readonly number[], scale: readonly number[]): number[] {
  return row.map((x, k) => (x - mean[k]!) / scale[k]!);
}

/** Turns weights fitted on standardised features back into weights on the raw features. */
function unstandardise(weights: readonly number[], mean: readonly number[], scale: readonly number[], biasColumn: number): number[] {
  const raw = weights.map((w, k) => w / scale[k]!);
  if (biasColumn >= 0) raw[biasColumn]! -= raw.reduce((sum, w, k) => (k === biasColumn ? sum : sum + w * mean[k]!), 0);
  return raw;
}

/** Options shared by both fits. */
export interface FitOptions {
  /** L2 penalty on the standardised weights (times the number of rows or groups). */
  l2: number;
  /** Newton steps; a handful reach the optimum of these convex objectives. */
  steps: number;
}

/**
 * L2-regularised logistic regression by Newton's method: the weights that make
 * `sigmoid(w · row)` the probability of `labels[i]` being 1. Column `biasColumn` must be the
 * constant 1 (it is not penalised).
 */
export function fitLogistic(rows: readonly (readonly number[])[], labels: readonly number[], biasColumn: number, options: FitOptions): number[] {
  const width = rows[0]?.length ?? 0;
  const { mean, scale } = standardisation(rows, width);
  const x = rows.map((row) => standardise(row, mean, scale));
  const w = new Array<number>(width).fill(0);
  const penalty = options.l2 * rows.length;
  for (let step = 0; step < options.steps; step++) {
    const gradient = w.map((wk, k) => (k === biasColumn ? 0 : -penalty * wk));
    const hessian = Array.from({ length: width }, (_, i) => Array.from({ length: width }, (_, j) => (i === j ? (i === biasColumn ? 1e-9 : penalty) : 0)));
    x.forEach((row, r) => {
      let z = 0;
      for (let k = 0; k < width; k++) z += w[k]! * row[k]!;
      const p = 1 / (1 + Math.exp(-z));
      const residual = labels[r]! - p;
      const curvature = p * (1 - p);
      for (let i = 0; i < width; i++) {
        gradient[i]! += residual * row[i]!;
        const ci = curvature * row[i]!;
        for (let j = 0; j <= i; j++) hessian[i]![j]! += ci * row[j]!;
      }
    });
    for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) hessian[j]![i] = hessian[i]![j]!;
    const delta = solveSymmetric(hessian, gradient);
    for (let k = 0; k < width; k++) w[k]! += delta[k]!;
  }
  return unstandardise(w, mean, scale, biasColumn);
}

/** The candidates of one paper: their features and how good each is (e.g. its ROUGE). */
export interface RankingGroup {
  rows: number[][];
  gains: number[];
}

function softmax(scores: readonly number[]): number[] {
  const top = Math.max(...scores);
  const e = scores.map((s) => Math.exp(s - top));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/**
 * A linear ranker fitted listwise (ListNet): within each group, the softmax of `w · row` is
 * pulled towards the softmax of `gains / temperature`, so the best candidates of each paper
 * score highest whatever the paper's overall level. Convex, so Newton's method applies. Returns
 * weights on the raw features (no bias: it cannot change a ranking).
 */
export function fitListwise(groups: readonly RankingGroup[], temperature: number, options: FitOptions): number[] {
  const all = groups.flatMap((g) => g.rows);
  const width = all[0]?.length ?? 0;
  const { mean, scale } = standardisation(all, width);
  const standardised = groups.map((g) => ({ x: g.rows.map((row) => standardise(row, mean, scale)), target: softmax(g.gains.map((v) => v / temperature)) }));
  const w = new Array<number>(width).fill(0);
  const penalty = options.l2 * groups.length;
  for (let step = 0; step < options.steps; step++) {
    const gradient = w.map((wk) => -penalty * wk);
    const hessian = Array.from({ length: width }, (_, i) => Array.from({ length: width }, (_, j) => (i === j ? penalty : 0)));
    for (const { x, target } of standardised) {
      const p = softmax(x.map((row) => row.reduce((sum, v, k) => sum + v * w[k]!, 0)));
      const centre = new Array<number>(width).fill(0);
      x.forEach((row, r) => {
        for (let k = 0; k < width; k++) centre[k]! += p[r]! * row[k]!;
      });
      x.forEach((row, r) => {
        for (let i = 0; i < width; i++) {
          gradient[i]! += (target[r]! - p[r]!) * row[i]!;
          const ci = p[r]! * (row[i]! - centre[i]!);
          for (let j = 0; j <= i; j++) hessian[i]![j]! += ci * (row[j]! - centre[j]!);
        }
      });
    }
    for (let i = 0; i < width; i++) for (let j = 0; j < i; j++) hessian[j]![i] = hessian[i]![j]!;
    const delta = solveSymmetric(hessian, gradient);
    for (let k = 0; k < width; k++) w[k]! += delta[k]!;
  }
  return unstandardise(w, mean, scale, -1);
}
