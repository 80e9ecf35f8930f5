import type { Topic } from '../../types.js';
import { activationDerivativesTopic } from './activation-derivatives.js';
import { backpropDeltasTopic } from './backprop-deltas.js';
import { backpropWeightsTopic } from './backprop-weights.js';
import { denseParamsTopic } from './dense-params.js';
import { l2GradientsTopic } from './l2-gradients.js';
import { linearNeuronGradientsTopic } from './linear-neuron-gradients.js';
import { mlpForwardTopic } from './mlp-forward.js';

/** Dense layers, MLPs and neuron gradients (paper 1(a)(i), 1(b), 2(b)-(f)). */
export const denseTopics: readonly Topic<unknown>[] = [
  denseParamsTopic,
  linearNeuronGradientsTopic,
  l2GradientsTopic,
  mlpForwardTopic,
  activationDerivativesTopic,
  backpropDeltasTopic,
  backpropWeightsTopic,
];
