import { workerThreadLaunch } from './start-worker-thread';

describe('workerThreadLaunch', () => {
  it('runs the compiled JavaScript entry file as it is', () => {
    expect(workerThreadLaunch('/app/dist/matching/scoring-thread-entry', '.js')).toEqual({
      script: '/app/dist/matching/scoring-thread-entry.js',
      execArgv: [],
    });
  });

  it('runs a TypeScript entry file through ts-node', () => {
    expect(workerThreadLaunch('/app/src/matching/scoring-thread-entry', '.ts')).toEqual({
      script: '/app/src/matching/scoring-thread-entry.ts',
      execArgv: ['--require', 'ts-node/register/transpile-only'],
    });
  });
});
