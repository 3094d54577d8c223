import { existsSync } from 'node:fs';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsIP,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));
const toBool = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : value === true || (typeof value === 'string' && ['1', 'true', 'yes'].includes(value.toLowerCase()));

/**
 * Every setting the service reads, with its default. Validated once at boot: a bad value stops the
 * process with a message naming the variable, instead of failing later in some request.
 * The README lists the same variables; keep both in step.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  /** `postgres://…` selects PostgreSQL; anything else is a SQLite file path (`:memory:` for tests). */
  @IsString()
  @MinLength(1)
  DATABASE_URL = 'data/poa-match.sqlite';

  /** When set, matching jobs go through BullMQ on this Redis; when unset they run in-process. */
  @IsOptional()
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL must start with redis:// or rediss://' })
  REDIS_URL?: string;

  /**
   * How many processes serve the API on PORT (Node's cluster: they share the port, connections are
   * spread over them). One process answers on one core; more use the machine's other cores. More than
   * one needs REDIS_URL (jobs, live events and account changes then reach every process through Redis)
   * and JWT_SECRET (every process checks the tokens any of them signed).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(64)
  API_PROCESSES = 1;

  /** Prefix of every BullMQ key in Redis; deployments (or test runs) sharing one Redis keep apart by it. */
  @Matches(/^[\w-]{1,60}$/, { message: 'QUEUE_PREFIX must be 1-60 letters, digits, _ or -' })
  QUEUE_PREFIX = 'poa-match';

  /**
   * How long a worker holds a job before others may presume it dead (milliseconds). A worker that
   * crashes mid-job loses its lock after this time and the job is handed to another worker.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(10 * 60 * 1000)
  JOB_LOCK_MS = 30_000;

  /**
   * How long the API may take to stop after SIGTERM or SIGINT (milliseconds): finishing the requests
   * in flight, handing pending outbox rows to Redis, closing its connections. Past it the process
   * exits with code 1. Keep it below the orchestrator's own limit (docker compose's stop_grace_period).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(10 * 60 * 1000)
  SHUTDOWN_GRACE_MS = 25_000;

  /** Signs the bearer tokens. Required in production; in development a random one is made per start. */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
  JWT_SECRET?: string;

  /** Token lifetime in seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(60 * 60 * 24 * 30)
  JWT_TTL_SECONDS = 8 * 60 * 60;

  @IsEmail()
  ADMIN_EMAIL = 'admin@poa-match.local';

  /** The first ADMIN's password; when unset on first start, one is generated and printed once. */
  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Largest accepted request body; sized for a 20 MB national report sent as base64. */
  @Matches(/^\d+(kb|mb)$/i, { message: 'BODY_LIMIT must look like 512kb or 30mb' })
  BODY_LIMIT = '30mb';

  /** Login attempts allowed per client address per minute. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /** Against abuse only: the cost limit is what keeps a deep query from fanning out. */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(50)
  GRAPHQL_MAX_DEPTH = 15;

  /** About the number of fields a query may return, each list counted at its page size (query-cost.ts). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  GRAPHQL_MAX_COST = 20000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  GRAPHQL_MAX_ALIASES = 15;

  /**
   * Answer introspection for everyone (on by default outside production); otherwise only signed-in
   * SECRETARIAT and ADMIN users get it.
   */
  @Transform(toBool)
  @IsOptional()
  @IsBoolean()
  GRAPHQL_PLAYGROUND?: boolean;

  /**
   * The built web console (index.html, explorer.html, assets/). Unset, the `web` folder beside the
   * compiled service (`dist/web`, what `npm run build` writes).
   */
  @IsOptional()
  @IsString()
  @MinLength(1)
  CONSOLE_DIR?: string;

  /** Matches kept per need (the best ones). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  MATCH_TOP_K = 20;

  /** Pairs scoring below this are not stored. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsNumber()
  @Min(0)
  @Max(1)
  MATCH_MIN_SCORE = 0.3;

  /**
   * Needs × offers from which a full run is scored in a thread of its own, beside the thread that
   * writes (0: always). Starting the thread costs about a tenth of a second, what scoring a million
   * pairs takes.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  MATCH_SCORING_THREAD_FROM_PAIRS = 1_000_000;

  /**
   * Bearer token that `GET /metrics` asks for. Set, the API serves its metrics on its own port; unset,
   * metrics are served only on METRICS_PORT.
   */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** A port of its own for `GET /metrics` (the worker's only way to expose them), at METRICS_HOST. */
  @Transform(toInt)
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(65535)
  METRICS_PORT?: number;

  /** Address METRICS_PORT listens on: loopback, unless METRICS_TOKEN guards it. */
  @IsIP()
  METRICS_HOST = '127.0.0.1';

  /**
   * Where e-mail goes: `smtp://user:pass@host:587` (STARTTLS when the server offers it) or
   * `smtps://…:465`. Unset, nobody is sent e-mail; notifications stay in the application.
   */
  @IsOptional()
  @Matches(/^smtps?:\/\/[^\s]+$/, { message: 'SMTP_URL must look like smtp://user:pass@host:587 or smtps://host:465' })
  SMTP_URL?: string;

  /** The sender of every e-mail: an address, or `Name <address>`. */
  @Matches(/^([^<>\r\n]+<[^\s<>@]+@[^\s<>@]+>|[^\s<>@]+@[^\s<>@]+)$/, { message: 'MAIL_FROM must be an address or Name <address>' })
  MAIL_FROM = 'poa-match <no-reply@poa-match.local>';

  /** A new match scoring at least this is a "strong" one, of which its state and donor are told. */
  @Transform(({ value }) => (value === undefined ? undefined : Number(value)))
  @IsNumber()
  @Min(0)
  @Max(1)
  NOTIFY_MATCH_MIN_SCORE = 0.7;

  get isProduction(): boolean {
    return this.NODE_ENV === 'production';
  }

  get usesPostgres(): boolean {
    return /^postgres(ql)?:\/\//.test(this.DATABASE_URL);
  }
}

const isLoopback = (address: string) => /^127\./.test(address) || address === '::1';

/** Builds the validated configuration or throws one error that lists every bad variable. */
export function validateConfig(env: Record<string, unknown>): AppConfig {
  const known = Object.keys(new AppConfig());
  // An empty value (`PORT=` in a .env file) means unset: the default applies.
  const relevant = Object.fromEntries(
    Object.entries(env).filter(([key, value]) => (known.includes(key) || key === 'REDIS_URL') && value !== ''),
  );
  const config = plainToInstance(AppConfig, relevant, { exposeDefaultValues: true });
  const problems = validateSync(config, { skipMissingProperties: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((message) => `${error.property}: ${message}`),
  );
  if (config.isProduction && !config.JWT_SECRET) {
    problems.push('JWT_SECRET: must be set in production (at least 32 characters)');
  }
  if (config.API_PROCESSES > 1 && !config.REDIS_URL) {
    problems.push('API_PROCESSES: more than one API process needs REDIS_URL (jobs, live events and account changes go through Redis)');
  }
  if (config.API_PROCESSES > 1 && !config.JWT_SECRET) {
    problems.push('API_PROCESSES: more than one API process needs JWT_SECRET (each would sign tokens with a random key of its own)');
  }
  if (!isLoopback(config.METRICS_HOST) && !config.METRICS_TOKEN) {
    problems.push('METRICS_HOST: metrics are served beyond this machine only with METRICS_TOKEN set');
  }
  if (problems.length) {
    throw new Error(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return config;
}

/** The configuration a command starts with: the environment, and the optional `.env` file for what it does not set, as the service's ConfigModule reads it. */
export function configFromEnvironment(): AppConfig {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return validateConfig(process.env);
}
