import '../adapters/protobuf-long.js';
import { runCanaryAction } from '../action/canary.js';

await runCanaryAction();
