// Moved to testkit/ so bench and scripts use it without importing the tests; tests keep this path.
export * from '../../testkit/moto.js';
