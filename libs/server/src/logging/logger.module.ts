import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule as PinoLoggerModule } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AppConfig } from '../config/env';

/** S-22: never log credentials, cookies or media signatures. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'req.query.sig',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.secret',
];

/** Structured JSON logs (pretty only on a terminal) with a request id on every api line. */
@Module({})
export class LoggerModule {
  static forRoot(config: AppConfig, name: string): DynamicModule {
    return {
      module: LoggerModule,
      imports: [
        PinoLoggerModule.forRoot({
          pinoHttp: {
            name,
            level: config.logLevel,
            redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
            genReqId: (req: IncomingMessage) => {
              const header = req.headers['x-request-id'];
              return typeof header === 'string' && /^[\w-]{1,64}$/.test(header) ? header : randomUUID();
            },
            autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
            // Query strings can carry media signatures (S-24): log the path only.
            serializers: { req: (req: { url?: string }) => ({ ...req, url: req.url?.split('?')[0] }) },
            transport: process.stdout.isTTY ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
          },
        }),
      ],
    };
  }
}
