import '../adapters/protobuf-long.js';
import { runReplayAction } from '../action/replay.js';

await runReplayAction();
