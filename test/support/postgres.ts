// The PostgreSQL helper lives in testkit/ so bench:scale uses it too; tests import it from here.
export * from '../../testkit/postgres.js';
