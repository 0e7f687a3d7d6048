// The CLI, bundled: `node actions/dist/cli.js <step> …` runs without this repo's node_modules.
import { runCli } from '../cli.js';

process.exitCode = await runCli(process.argv.slice(2));
