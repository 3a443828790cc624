#!/usr/bin/env node
// Entry point for `npx banwatch` right after `npm ci`: runs the TypeScript CLI through tsx, no build step.
import { register } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
await import('./banwatch.ts');
