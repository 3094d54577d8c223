import { validateConfig } from './app-config';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

/** The message of the error validateConfig throws for this environment. */
function refusal(env: Record<string, string>): string {
  try {
    validateConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`validateConfig accepted ${JSON.stringify(env)}`);
}

describe('validateConfig', () => {
  it('applies the documented defaults to an empty environment', () => {
    const config = validateConfig({});
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATABASE_URL: 'data/poa-match.sqlite',
      JWT_TTL_SECONDS: 28800,
      ADMIN_EMAIL: 'admin@poa-match.local',
      LOG_LEVEL: 'info',
      BODY_LIMIT: '30mb',
      LOGIN_RATE_LIMIT: 10,
      GRAPHQL_MAX_DEPTH: 15,
      GRAPHQL_MAX_COST: 20000,
      GRAPHQL_MAX_ALIASES: 15,
      MATCH_TOP_K: 20,
      MATCH_MIN_SCORE: 0.3,
      SHUTDOWN_GRACE_MS: 25000,
      API_PROCESSES: 1,
    });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.JWT_SECRET).toBeUndefined();
    expect(config.ADMIN_PASSWORD).toBeUndefined();
    expect(config.isProduction).toBe(false);
    expect(config.usesPostgres).toBe(false);
  });

  it('reads numbers, flags and URLs from their text', () => {
    const config = validateConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://postgres@db:5432/poa',
      REDIS_URL: 'rediss://cache:6380',
      LOGIN_RATE_LIMIT: '3',
      GRAPHQL_PLAYGROUND: 'false',
      MATCH_MIN_SCORE: '0.5',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      REDIS_URL: 'rediss://cache:6380',
      LOGIN_RATE_LIMIT: 3,
      GRAPHQL_PLAYGROUND: false,
      MATCH_MIN_SCORE: 0.5,
    });
    expect(config.usesPostgres).toBe(true);
  });

  it('treats empty values as unset', () => {
    expect(validateConfig({ PORT: '', REDIS_URL: '', JWT_SECRET: '' })).toMatchObject({
      PORT: 3000,
      REDIS_URL: undefined,
      JWT_SECRET: undefined,
    });
  });

  it('sends no e-mail unless SMTP_URL is set, and takes a sender as an address or Name <address>', () => {
    expect(validateConfig({})).toMatchObject({
      SMTP_URL: undefined,
      MAIL_FROM: 'poa-match <no-reply@poa-match.local>',
      NOTIFY_MATCH_MIN_SCORE: 0.7,
    });
    expect(validateConfig({ SMTP_URL: 'smtps://user:secret@mail.example.org:465', MAIL_FROM: 'alerts@example.org' })).toMatchObject({
      SMTP_URL: 'smtps://user:secret@mail.example.org:465',
      MAIL_FROM: 'alerts@example.org',
    });
  });

  it('ignores variables it does not know', () => {
    expect(validateConfig({ PATH: '/usr/bin', HOME: '/root' })).not.toHaveProperty('PATH');
  });

  it.each([
    ['PORT', { PORT: 'abc' }],
    ['PORT', { PORT: '70000' }],
    ['REDIS_URL', { REDIS_URL: 'http://x' }],
    ['JWT_SECRET', { JWT_SECRET: 'too-short' }],
    ['JWT_TTL_SECONDS', { JWT_TTL_SECONDS: '10' }],
    ['NODE_ENV', { NODE_ENV: 'staging' }],
    ['ADMIN_EMAIL', { ADMIN_EMAIL: 'admin' }],
    ['ADMIN_PASSWORD', { ADMIN_PASSWORD: 'short' }],
    ['LOG_LEVEL', { LOG_LEVEL: 'verbose' }],
    ['BODY_LIMIT', { BODY_LIMIT: 'lots' }],
    ['LOGIN_RATE_LIMIT', { LOGIN_RATE_LIMIT: '0' }],
    ['GRAPHQL_MAX_DEPTH', { GRAPHQL_MAX_DEPTH: '1' }],
    ['MATCH_MIN_SCORE', { MATCH_MIN_SCORE: '1.5' }],
    ['METRICS_TOKEN', { METRICS_TOKEN: 'short' }],
    ['METRICS_PORT', { METRICS_PORT: '0' }],
    ['METRICS_HOST', { METRICS_HOST: 'localhost' }],
    ['SMTP_URL', { SMTP_URL: 'mail.example.org:25' }],
    ['MAIL_FROM', { MAIL_FROM: 'poa-match' }],
    ['NOTIFY_MATCH_MIN_SCORE', { NOTIFY_MATCH_MIN_SCORE: '-0.1' }],
    ['SHUTDOWN_GRACE_MS', { SHUTDOWN_GRACE_MS: '500' }],
    ['SHUTDOWN_GRACE_MS', { SHUTDOWN_GRACE_MS: 'soon' }],
    ['API_PROCESSES', { API_PROCESSES: '0' }],
    ['API_PROCESSES', { API_PROCESSES: 'many' }],
  ])('refuses a bad %s, naming it', (variable, env) => {
    expect(refusal(env)).toMatch(new RegExp(`^Invalid configuration:\\n(.*\\n)*\\s+${variable}: `));
  });

  it('requires JWT_SECRET in production, and accepts production with one', () => {
    expect(refusal({ NODE_ENV: 'production' })).toMatch(/JWT_SECRET: must be set in production/);
    expect(validateConfig({ NODE_ENV: 'production', JWT_SECRET: SECRET }).isProduction).toBe(true);
  });

  it('serves metrics beyond the machine only behind a token', () => {
    expect(refusal({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0' })).toMatch(
      /METRICS_HOST: metrics are served beyond this machine only with METRICS_TOKEN set/,
    );
    expect(validateConfig({ METRICS_PORT: '9464', METRICS_HOST: '0.0.0.0', METRICS_TOKEN: 'a-metrics-token-1234' }).METRICS_PORT).toBe(
      9464,
    );
    expect(validateConfig({ METRICS_PORT: '9464' })).toMatchObject({ METRICS_PORT: 9464, METRICS_HOST: '127.0.0.1' });
  });

  it('runs several API processes only with Redis, through which jobs and events reach all of them, and one signing key', () => {
    expect(refusal({ API_PROCESSES: '2', JWT_SECRET: SECRET })).toMatch(/API_PROCESSES: more than one API process needs REDIS_URL/);
    expect(refusal({ API_PROCESSES: '2', REDIS_URL: 'redis://cache:6379' })).toMatch(
      /API_PROCESSES: more than one API process needs JWT_SECRET/,
    );
    expect(validateConfig({ API_PROCESSES: '2', REDIS_URL: 'redis://cache:6379', JWT_SECRET: SECRET }).API_PROCESSES).toBe(2);
  });

  it('lists every bad variable at once', () => {
    const message = refusal({ PORT: 'abc', REDIS_URL: 'http://x', JWT_SECRET: 'short' });
    for (const variable of ['PORT', 'REDIS_URL', 'JWT_SECRET']) expect(message).toContain(`${variable}: `);
  });
});
