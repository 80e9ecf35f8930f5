import type { Topic } from '../../types.js';
import { convOutputSizeTopic } from './conv-output-size.js';
import { convParamsTopic } from './conv-params.js';
import { depthwiseSeparableTopic } from './depthwise-separable.js';

/** Convolution arithmetic (paper 3(a), 3(b)). */
export const convTopics: readonly Topic<unknown>[] = [
  convOutputSizeTopic,
  convParamsTopic,
  depthwiseSeparableTopic,
];
