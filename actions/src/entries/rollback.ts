import '../adapters/protobuf-long.js';
import { runRollbackAction } from '../action/rollback.js';

await runRollbackAction();
