import { runAnalyzeAction } from '../action/analyze.js';

await runAnalyzeAction();
