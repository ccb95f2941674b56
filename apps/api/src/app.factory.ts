import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@app/server/config/env';
import { readTlsCredentials } from '@app/server/config/tls-credentials';
import cookieParser from 'cookie-parser';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { ApiModule, type ApiModuleOptions } from './api.module';
import { jsonBody, type JsonBodyLimits } from './common/json-body';
import { securityHeaders } from './common/security-headers';

/**
 * S-20: JSON bodies up to 1 MB, imports up to 5 MB (W-1, A-9): a workflow's graph, an aliases
 * or presets file. Express paths, so the `api` prefix is written out.
 */
export const JSON_BODY_LIMITS: JsonBodyLimits = {
  megabytes: 1,
  largeMegabytes: 5,
  largeRoutes: [
    { method: 'post', path: '/api/workflows' },
    { method: 'put', path: '/api/workflows/:id' },
    { method: 'patch', path: '/api/workflows/:id' },
    { method: 'post', path: '/api/workflows/:workflowId/presets/import' },
    { method: 'post', path: '/api/aliases/import' },
  ],
};

/** Builds the configured api application (not yet listening); used by main.ts and tests. */
export async function createApiApp(config: AppConfig, options: ApiModuleOptions = {}): Promise<NestExpressApplication> {
  // TLS_CERT_FILE/TLS_KEY_FILE: the same port serves HTTPS (and Socket.IO over it) instead of HTTP.
  const httpsOptions = config.tls ? readTlsCredentials(config.tls) : undefined;
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, options), { bufferLogs: true, bodyParser: false, httpsOptions });
  app.useLogger(app.get(Logger));
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  // Security headers first, so every answer carries them, refusals of a body included.
  app.use(securityHeaders());
  app.use(jsonBody(JSON_BODY_LIMITS));
  app.use(cookieParser());
  if (config.corsOrigins.length > 0) app.enableCors({ origin: [...config.corsOrigins], credentials: false });
  app.setGlobalPrefix('api', { exclude: ['metrics'] });
  app.enableShutdownHooks();

  const openApi = new DocumentBuilder()
    .setTitle('Cozy Studio API')
    .setDescription('Every route needs a Bearer access token or personal API token (cgt_…) unless marked public.')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(SwaggerModule.createDocument(app, openApi)));
  return app;
}
