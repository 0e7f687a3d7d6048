import '../adapters/protobuf-long.js';
import { runCaptureAction } from '../action/capture.js';

await runCaptureAction();
