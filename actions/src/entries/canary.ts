import { runCanaryAction } from '../action/canary.js';

await runCanaryAction();
