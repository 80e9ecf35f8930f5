import type { Topic } from '../../types.js';
import { positionalEncodingTopic } from './positional-encoding.js';
import { rnnForwardTopic } from './rnn-forward.js';

/** Recurrent networks and transformers (paper 4(a), 4(c)). */
export const sequenceTopics: readonly Topic<unknown>[] = [rnnForwardTopic, positionalEncodingTopic];
