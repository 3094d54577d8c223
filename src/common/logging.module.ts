import { DynamicModule, Module } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';

/**
 * Structured JSON logs. Every request carries an id (the caller's X-Request-Id or a new one), echoed
 * back in the response so a support request can be traced; no header is logged, so no credential is.
 */
@Module({})
export class LoggingModule {
  /** The logs of one process; `service` on every line says which: poa-match-api or poa-match-worker. */
  static forRoot(role: 'api' | 'worker'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            pinoHttp: {
              level: config.LOG_LEVEL,
              // Bound once on the root logger: per request (pino-http's customProps) it cost every
              // request a child logger of its own.
              base: { pid: process.pid, hostname: hostname(), service: `poa-match-${role}` },
              genReqId: (req, res) => {
                const given = req.headers['x-request-id'];
                const id = typeof given === 'string' && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
                res.setHeader('X-Request-Id', id);
                return id;
              },
              // One line per request with what tracing it needs. Its headers are left out, credentials
              // among them: serialising and redacting every header of every request cost more than the
              // line is worth.
              serializers: {
                req: (req: { id: unknown; method: string; url: string; remoteAddress?: string }) => ({
                  id: req.id,
                  method: req.method,
                  url: req.url,
                  remoteAddress: req.remoteAddress,
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
            },
          }),
        }),
      ],
    };
  }
}
