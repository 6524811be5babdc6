// Worker threads do not inherit tsx's loader, so this plain-JS entry loads the TypeScript worker
// through tsx's API; the same file works under `npm start`, the CLI and the test runner.
import { tsImport } from 'tsx/esm/api';

await tsImport('./solve-worker.ts', import.meta.url);
