// Worker threads do not inherit tsx's loader, so this plain-JS entry loads the TypeScript worker
// through tsx's API (as the matching solver's worker does).
import { tsImport } from 'tsx/esm/api';

await tsImport('./effect-worker.ts', import.meta.url);
