import { jest } from '@jest/globals';

// Each e2e file starts a whole embedded stack in a child process; give it room on a 2-core machine.
jest.setTimeout(60_000);
