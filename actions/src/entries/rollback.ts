import { runRollbackAction } from '../action/rollback.js';

await runRollbackAction();
