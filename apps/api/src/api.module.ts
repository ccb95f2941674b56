import { Module, type DynamicModule, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { ServeStaticModule } from '@nestjs/serve-static';
import type { AppConfig } from '@app/server/config/env';
import { resolveJwtSecret } from '@app/server/config/secret';
import { ServerModule } from '@app/server/server.module';
import type { Clock } from '@app/server/system/clock';
import { existsSync } from 'node:fs';
import { ZodSerializerInterceptor } from 'nestjs-zod';
import { AliasesModule } from './aliases/aliases.module';
import { AccessRevocation } from './auth/access-revocation.service';
import { AuthEvents } from './auth/auth-events';
import { BackendsModule } from './backends/backends.module';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { Authenticator } from './auth/authenticator.service';
import { JWT_ALGORITHM } from './auth/jwt-claims';
import { JWT_SECRET, JwtStrategy } from './auth/jwt.strategy';
import { LoginThrottle } from './auth/login-throttle.service';
import { AccessGuard } from './common/access.guard';
import { BodyRefusalInterceptor } from './common/body-refusal';
import { DomainErrorFilter } from './common/domain-error.filter';
import { RequestValidationPipe } from './common/zod-validation.pipe';
import { EventsGateway } from './events/events.gateway';
import { UserSocketsModule } from './events/user-sockets';
import { GenerationsModule } from './generations/generations.module';
import { HealthController } from './health/health.controller';
import { LimitsController } from './limits/limits.controller';
import { OutputsModule } from './outputs/outputs.module';
import { MediaModule } from './media/media.module';
import { MetricsController } from './metrics/metrics.controller';
import { ApiMetrics, RequestTimingMiddleware } from './metrics/metrics';
import { PreferencesController } from './preferences/preferences.controller';
import { PresetsModule } from './presets/presets.module';
import { PromptsModule } from './prompts/prompts.module';
import { ServerUrlsController } from './server-info/server-urls.controller';
import { TagsModule } from './tags/tags.module';
import { TokensController } from './tokens/tokens.controller';
import { TokensService } from './tokens/tokens.service';
import { UploadsModule } from './uploads/uploads.module';
import { UsersController } from './users/users.controller';
import { UsersService } from './users/users.service';
import { WorkflowsModule } from './workflows/workflows.module';

export interface ApiModuleOptions {
  /** Built web app to serve at `/`; skipped when the folder does not exist. */
  webDist?: string;
  clock?: Clock;
}

@Module({})
export class ApiModule implements NestModule {
  static forRoot(config: AppConfig, options: ApiModuleOptions = {}): DynamicModule {
    const secret = resolveJwtSecret(config);
    const web =
      options.webDist && existsSync(options.webDist)
        ? [ServeStaticModule.forRoot({ rootPath: options.webDist, exclude: ['/api/{*path}', '/metrics'] })]
        : [];
    return {
      module: ApiModule,
      imports: [
        ServerModule.forRoot(config, 'api', options.clock),
        PassportModule,
        UserSocketsModule,
        JwtModule.register({ secret, signOptions: { algorithm: JWT_ALGORITHM } }),
        AliasesModule,
        PromptsModule,
        MediaModule,
        UploadsModule,
        WorkflowsModule,
        GenerationsModule,
        OutputsModule,
        TagsModule,
        PresetsModule,
        BackendsModule,
        ...web,
      ],
      controllers: [AuthController, PreferencesController, UsersController, TokensController, HealthController, MetricsController, ServerUrlsController, LimitsController],
      providers: [
        { provide: JWT_SECRET, useValue: secret },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_PIPE, useClass: RequestValidationPipe },
        { provide: APP_INTERCEPTOR, useClass: BodyRefusalInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ZodSerializerInterceptor },
        { provide: APP_FILTER, useClass: DomainErrorFilter },
        Authenticator,
        JwtStrategy,
        LoginThrottle,
        AuthEvents,
        AccessRevocation,
        AuthService,
        UsersService,
        TokensService,
        ApiMetrics,
        EventsGateway,
      ],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(RequestTimingMiddleware).forRoutes('*');
  }
}
