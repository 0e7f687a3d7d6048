import '../adapters/protobuf-long.js';
import { runPromoteAction } from '../action/promote.js';

await runPromoteAction();
