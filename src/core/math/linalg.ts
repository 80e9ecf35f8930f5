/**
 * Small dense linear algebra on plain arrays, backed by mathjs (only the functions used are loaded, so the build
 * tree-shakes the rest). Inputs are readonly `number[]` / `number[][]` (row-major: m[i][j] is row i, column j);
 * outputs are fresh arrays. Shape mismatches throw (RangeError or mathjs' DimensionError): they are programming
 * errors, never expected outcomes.
 */
import {
  addDependencies,
  create,
  dotDependencies,
  dotMultiplyDependencies,
  multiplyDependencies,
  subtractDependencies,
  transposeDependencies,
  type FactoryFunctionMap,
} from 'mathjs';

/** mathjs types each `xxxDependencies` as possibly undefined (an indexed record); they never are at runtime. */
function dep(d: FactoryFunctionMap | undefined): FactoryFunctionMap {
  if (d === undefined) throw new Error('mathjs dependency missing');
  return d;
}

const m = create({
  addDependencies: dep(addDependencies),
  dotDependencies: dep(dotDependencies),
  dotMultiplyDependencies: dep(dotMultiplyDependencies),
  multiplyDependencies: dep(multiplyDependencies),
  subtractDependencies: dep(subtractDependencies),
  transposeDependencies: dep(transposeDependencies),
});

export type Vector = readonly number[];
export type Matrix = readonly (readonly number[])[];

/** Number of rows and columns of a rectangular matrix; throws on a ragged one. */
export function shapeOf(a: Matrix): [rows: number, cols: number] {
  const cols = a[0]?.length ?? 0;
  for (const row of a) {
    if (row.length !== cols) throw new RangeError('ragged matrix');
  }
  return [a.length, cols];
}

/** A rows x cols matrix of zeros. */
export function zeros(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => new Array<number>(cols).fill(0));
}

/** Matrix product A B. */
export function multiply(a: Matrix, b: Matrix): number[][] {
  if (shapeOf(a)[1] !== shapeOf(b)[0]) throw new RangeError('multiply: inner dimensions differ');
  return m.multiply(a as number[][], b as number[][]);
}

/** Matrix-vector product A x. */
export function matVec(a: Matrix, x: Vector): number[] {
  if (shapeOf(a)[1] !== x.length) throw new RangeError('matVec: columns of A differ from the length of x');
  return m.multiply(a as number[][], x as number[]);
}

/** Aᵀ x without building Aᵀ by hand: the course's u = Wᵀx + b with W of shape (inputs, outputs). */
export function matTVec(a: Matrix, x: Vector): number[] {
  if (shapeOf(a)[0] !== x.length) throw new RangeError('matTVec: rows of A differ from the length of x');
  return m.multiply(x as number[], a as number[][]);
}

export function transpose(a: Matrix): number[][] {
  shapeOf(a);
  return m.transpose(a as number[][]);
}

/** Dot product xᵀy. */
export function dot(x: Vector, y: Vector): number {
  sameLength(x, y, 'dot');
  return m.dot(x as number[], y as number[]);
}

/** Outer product x yᵀ: a (len x) x (len y) matrix. */
export function outer(x: Vector, y: Vector): number[][] {
  return m.multiply(
    x.map((v) => [v]),
    [y as number[]],
  );
}

export function addVectors(x: Vector, y: Vector): number[] {
  sameLength(x, y, 'addVectors');
  return m.add(x as number[], y as number[]);
}

export function subtractVectors(x: Vector, y: Vector): number[] {
  sameLength(x, y, 'subtractVectors');
  return m.subtract(x as number[], y as number[]);
}

export function addMatrices(a: Matrix, b: Matrix): number[][] {
  sameShape(a, b, 'addMatrices');
  return m.add(a as number[][], b as number[][]);
}

export function subtractMatrices(a: Matrix, b: Matrix): number[][] {
  sameShape(a, b, 'subtractMatrices');
  return m.subtract(a as number[][], b as number[][]);
}

/** Element-wise (Hadamard) product of two vectors, x ⊙ y. */
export function hadamard(x: Vector, y: Vector): number[] {
  sameLength(x, y, 'hadamard');
  return m.dotMultiply(x as number[], y as number[]);
}

/** Element-wise (Hadamard) product of two matrices, A ⊙ B. */
export function hadamardMatrices(a: Matrix, b: Matrix): number[][] {
  sameShape(a, b, 'hadamardMatrices');
  return m.dotMultiply(a as number[][], b as number[][]);
}

/** s x. */
export function scaleVector(s: number, x: Vector): number[] {
  return x.map((v) => s * v);
}

/** s A. */
export function scaleMatrix(s: number, a: Matrix): number[][] {
  return a.map((row) => row.map((v) => s * v));
}

/** Squared Euclidean norm ‖x‖². */
export function squaredNorm(x: Vector): number {
  return x.reduce((acc, v) => acc + v * v, 0);
}

function sameLength(x: Vector, y: Vector, fn: string): void {
  if (x.length !== y.length) throw new RangeError(`${fn}: lengths differ (${x.length} vs ${y.length})`);
}

function sameShape(a: Matrix, b: Matrix, fn: string): void {
  const [ra, ca] = shapeOf(a);
  const [rb, cb] = shapeOf(b);
  if (ra !== rb || ca !== cb) throw new RangeError(`${fn}: shapes differ (${ra}x${ca} vs ${rb}x${cb})`);
}
