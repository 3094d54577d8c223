import { Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createSecretKey, randomBytes } from 'node:crypto';
import { AccountsModule } from '../accounts/accounts.module';
import { User } from '../accounts/entities/user.entity';
import { AppConfig } from '../config/app-config';
import { createRedisConnection } from '../queue/redis-connection';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginAttemptStore } from './login-attempt-store';
import { SubscriptionAuth } from './subscription-auth';

@Global()
@Module({
  imports: [
    AccountsModule,
    TypeOrmModule.forFeature([User]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (!config.JWT_SECRET) {
          new Logger('Auth').warn('JWT_SECRET is not set: tokens are signed with a random key and end with this process.');
        }
        return {
          // A KeyObject, made once: given a string, jsonwebtoken tries it as a PEM public key first
          // (crypto.createPublicKey, which fails) on every verification before taking it as a secret.
          secret: createSecretKey(Buffer.from(config.JWT_SECRET ?? randomBytes(48).toString('base64'), 'utf8')),
          signOptions: { expiresIn: config.JWT_TTL_SECONDS, algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        };
      },
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        throttlers: [{ name: 'login', ttl: 60_000, limit: config.LOGIN_RATE_LIMIT }],
        storage: new LoginAttemptStore(
          config.REDIS_URL ? createRedisConnection(config, 'producer') : null,
          `${config.QUEUE_PREFIX}:login-attempts`,
        ),
      }),
    }),
  ],
  providers: [AuthService, AuthResolver, SubscriptionAuth, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [AuthService, SubscriptionAuth],
})
export class AuthModule {}
