import { runBuildAction } from '../action/build.js';

await runBuildAction();
