import { describe, expect, it } from 'vitest';
import {
  addMatrices,
  addVectors,
  dot,
  hadamard,
  hadamardMatrices,
  matTVec,
  matVec,
  multiply,
  outer,
  scaleMatrix,
  scaleVector,
  shapeOf,
  squaredNorm,
  subtractMatrices,
  subtractVectors,
  transpose,
  zeros,
} from '../../../src/core/math/linalg.js';

describe('linalg', () => {
  const A = [
    [1, 2, 3],
    [4, 5, 6],
  ];

  it('multiplies matrices and vectors', () => {
    // numpy: np.array([[1,2,3],[4,5,6]]) @ np.array([[1,0],[0,1],[1,1]]) -> [[4,5],[10,11]]
    expect(
      multiply(A, [
        [1, 0],
        [0, 1],
        [1, 1],
      ]),
    ).toEqual([
      [4, 5],
      [10, 11],
    ]);
    // A @ [1,-1,2] = [1-2+6, 4-5+12] = [5, 11]
    expect(matVec(A, [1, -1, 2])).toEqual([5, 11]);
    // A.T @ [1,2] = [1+8, 2+10, 3+12] = [9, 12, 15]
    expect(matTVec(A, [1, 2])).toEqual([9, 12, 15]);
    // A single-column W gives a length-1 vector, not a scalar.
    expect(matTVec([[2], [-1]], [3, 4])).toEqual([2]);
    expect(dot([1, 2], [3, 4])).toBe(11);
  });

  it('transposes, adds, subtracts, scales and takes element-wise products', () => {
    expect(transpose(A)).toEqual([
      [1, 4],
      [2, 5],
      [3, 6],
    ]);
    expect(addVectors([1, 2], [3, -4])).toEqual([4, -2]);
    expect(subtractVectors([1, 2], [3, -4])).toEqual([-2, 6]);
    expect(addMatrices(A, A)).toEqual(scaleMatrix(2, A));
    expect(subtractMatrices(A, A)).toEqual(zeros(2, 3));
    expect(hadamard([1, 2, 3], [2, 0, -1])).toEqual([2, 0, -3]);
    expect(hadamardMatrices(A, A)).toEqual([
      [1, 4, 9],
      [16, 25, 36],
    ]);
    expect(scaleVector(-0.5, [2, 4])).toEqual([-1, -2]);
    expect(squaredNorm([3, 4])).toBe(25);
  });

  it('builds outer products x yᵀ of shape (len x, len y)', () => {
    expect(outer([1, 2], [3, 4, 5])).toEqual([
      [3, 4, 5],
      [6, 8, 10],
    ]);
    expect(shapeOf(outer([1, 2, 3], [1]))).toEqual([3, 1]);
  });

  it('does not mutate its inputs', () => {
    const x = [1, 2, 3];
    const snapshot = JSON.stringify([A, x]);
    matVec(A, x);
    transpose(A);
    outer(x, x);
    addVectors(x, x);
    expect(JSON.stringify([A, x])).toBe(snapshot);
  });

  it('throws on shape mismatches and ragged matrices', () => {
    expect(() => matVec(A, [1, 2])).toThrow(RangeError);
    expect(() => matTVec(A, [1, 2, 3])).toThrow(RangeError);
    expect(() => multiply(A, A)).toThrow(RangeError);
    expect(() => addVectors([1], [1, 2])).toThrow(RangeError);
    expect(() => addMatrices(A, [[1, 2, 3]])).toThrow(RangeError);
    expect(() => shapeOf([[1, 2], [3]])).toThrow(RangeError);
    expect(() => dot([1], [1, 2])).toThrow(RangeError);
  });
});
