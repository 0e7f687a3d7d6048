// One replay process, started by the replay step for each of its --concurrency lanes (not an action).
import { serveReplays } from '../adapters/replay-child.js';

await serveReplays();
