import { runReplayAction } from '../action/replay.js';

await runReplayAction();
