import { runPromoteAction } from '../action/promote.js';

await runPromoteAction();
