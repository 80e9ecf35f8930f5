/** The worked solution of a built question: its steps, exact answers and the rounded route where it differs. */
import { roundedRouteAnswers } from '../core/answers/index.js';
import type { QuestionInstance } from '../core/types.js';
import type { Solution } from './api.js';

export function solutionOf(instance: QuestionInstance): Solution {
  return { steps: instance.steps, answers: instance.parts, roundedRoute: roundedRouteAnswers(instance) };
}
