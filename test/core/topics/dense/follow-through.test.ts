/** Follow-through marking of the question-2 network topics (see ../follow-through.test.ts for the others). */
import { describeFollowThrough, NETWORK_TOPICS } from '../follow-through-properties.js';

for (const id of NETWORK_TOPICS) describeFollowThrough(id);
