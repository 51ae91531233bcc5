#!/usr/bin/env node
// The package's `bin`: lets Node load the TypeScript CLI through tsx, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('./circulate.ts');
