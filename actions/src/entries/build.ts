import '../adapters/protobuf-long.js';
import { runBuildAction } from '../action/build.js';

await runBuildAction();
