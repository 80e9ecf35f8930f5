import type { Topic } from '../../types.js';
import { tensorShapesTopic } from './tensor-shapes.js';

/** Tensor shapes after reshape / expand (paper 1(a)(ii)). */
export const tensorTopics: readonly Topic<unknown>[] = [tensorShapesTopic];
