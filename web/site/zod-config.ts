import { config } from 'zod/mini';

// The site's Content-Security-Policy has no 'unsafe-eval': zod must neither probe `new Function`
// (reported as a violation even when caught) nor compile parsers with it. Imported first by data.ts,
// before any schema is defined.
config({ jitless: true });
