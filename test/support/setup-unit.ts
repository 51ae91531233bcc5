import { jest } from '@jest/globals';

// A unit test takes milliseconds, but a few run hundreds of cases (crash after each write, property
// tests); on a shared 2-core machine they must not fail for want of time. Speed is the bench's job.
jest.setTimeout(30_000);
