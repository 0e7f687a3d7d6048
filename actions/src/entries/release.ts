import '../adapters/protobuf-long.js';
import { runReleaseAction } from '../action/release.js';

await runReleaseAction();
