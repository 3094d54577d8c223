/**
 * End-to-end specs: each file boots the real application on its own fresh database (SQLite by
 * default, PostgreSQL with E2E_DATABASE=postgres) and speaks GraphQL to it over HTTP.
 */
module.exports = {
  rootDir: '..',
  testRegex: 'test/.*\\.e2e-spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test/support/leftover-test-databases.ts',
  testTimeout: 60000,
};
