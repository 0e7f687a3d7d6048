import '../adapters/protobuf-long.js';
import { runAnalyzeAction } from '../action/analyze.js';

await runAnalyzeAction();
