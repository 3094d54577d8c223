/**
 * Browser tests: each spec file starts the built service (`npm run build` first) on its own SQLite
 * file with the demo data, and drives Debian's Chromium through playwright-core. One file at a time
 * (--runInBand): each runs a service and a browser, and imports are slow on a busy machine.
 */
module.exports = {
  rootDir: '../..',
  testRegex: 'test/browser/.*\\.browser-spec\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  testTimeout: 180000,
  slowTestThreshold: 60,
};
