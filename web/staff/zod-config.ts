import { z } from 'zod';

// The page's Content-Security-Policy has no 'unsafe-eval': zod must neither probe `new Function`
// (reported as a violation even when caught) nor compile parsers with it. app.ts imports this module
// first, because zod decides when a schema is defined, i.e. when schemas.ts and registry.ts load.
z.config({ jitless: true });
