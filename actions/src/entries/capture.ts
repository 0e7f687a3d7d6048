import { runCaptureAction } from '../action/capture.js';

await runCaptureAction();
