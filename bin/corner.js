#!/usr/bin/env node
// The `corner` command. TypeScript sources run through tsx's loader, so there is no build step for the
// server or CLI; only the web app is bundled (by Vite).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
