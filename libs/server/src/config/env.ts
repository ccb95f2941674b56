import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const urlList = optionalString.pipe(
  z
    .string()
    .optional()
    .transform((v) => (v ? v.split(',').map((s) => s.trim()).filter(Boolean) : []))
    .pipe(z.array(z.url({ protocol: /^https?$/, message: 'must be a comma-separated list of http(s) URLs' }))),
);

/** Every environment variable the project reads, with its default (ARCHITECTURE.md "Configuration"). */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, { message: 'must start with sqlite: or postgres://' })
      .optional(),
  ),
  REDIS_URL: optionalString.pipe(z.url({ protocol: /^rediss?$/, message: 'must be a redis:// URL' }).optional()),
  COMFYUI_URLS: urlList,
  ADMIN_EMAIL: z.string().trim().toLowerCase().pipe(z.email({ message: 'must be an email address' })).default('admin@studio.local'),
  ADMIN_PASSWORD: optionalString.pipe(z.string().min(10, { message: 'must be at least 10 characters' }).optional()),
  JWT_SECRET: optionalString.pipe(z.string().min(32, { message: 'must be at least 32 characters' }).optional()),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  CORS_ORIGINS: urlList,
  /** Namespace for every Redis key (queues, throttles, events), so installations can share one Redis. */
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, { message: 'must be 1-32 letters, digits, _ or -' }).default('cs'),
  TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  /** Both set → the api serves HTTPS itself with this certificate (PEM) and key (PEM). */
  TLS_CERT_FILE: optionalString,
  TLS_KEY_FILE: optionalString,
});

export interface TlsFiles {
  readonly certFile: string;
  readonly keyFile: string;
}

export type DatabaseConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };

export interface AppConfig {
  readonly port: number;
  readonly host: string;
  /** Absolute. Every runtime path derives from it. */
  readonly dataDir: string;
  readonly database: DatabaseConfig;
  /** Unset only before the supervisor has started its own Redis. */
  readonly redisUrl: string | undefined;
  readonly redisPrefix: string;
  readonly comfyuiUrls: readonly string[];
  readonly adminEmail: string;
  readonly adminPassword: string | undefined;
  /** Unset → generated once into `<dataDir>/secret` (see secret.ts). */
  readonly jwtSecret: string | undefined;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  readonly corsOrigins: readonly string[];
  readonly trustProxy: boolean;
  /** Set → the api serves HTTPS (HSTS, `Secure` cookies); unset → plain HTTP. Paths are absolute. */
  readonly tls: TlsFiles | undefined;
  readonly paths: {
    readonly secret: string;
    readonly redis: string;
    readonly outputs: string;
    readonly thumbs: string;
    readonly uploads: string;
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once. Pure: pass `process.env` (or a test's own object).
 * Throws ConfigError with one line per bad variable.
 */
export function loadConfig(env: Record<string, string | undefined>, cwd: string = process.cwd()): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`);
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  if ((e.TLS_CERT_FILE === undefined) !== (e.TLS_KEY_FILE === undefined)) {
    const missing = e.TLS_CERT_FILE === undefined ? 'TLS_CERT_FILE' : 'TLS_KEY_FILE';
    throw new ConfigError([`${missing}: must be set too (TLS_CERT_FILE and TLS_KEY_FILE go together)`]);
  }
  const dataDir = isAbsolute(e.DATA_DIR) ? e.DATA_DIR : resolve(cwd, e.DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dataDir,
    database: parseDatabaseUrl(e.DATABASE_URL, dataDir, cwd),
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    comfyuiUrls: Object.freeze(e.COMFYUI_URLS.map((u) => u.replace(/\/+$/, ''))),
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    jwtSecret: e.JWT_SECRET,
    logLevel: e.LOG_LEVEL,
    corsOrigins: Object.freeze(e.CORS_ORIGINS),
    trustProxy: e.TRUST_PROXY,
    tls: e.TLS_CERT_FILE && e.TLS_KEY_FILE ? Object.freeze({ certFile: resolve(cwd, e.TLS_CERT_FILE), keyFile: resolve(cwd, e.TLS_KEY_FILE) }) : undefined,
    paths: Object.freeze({
      secret: join(dataDir, 'secret'),
      redis: join(dataDir, 'redis'),
      outputs: join(dataDir, 'outputs'),
      thumbs: join(dataDir, 'thumbs'),
      uploads: join(dataDir, 'uploads'),
    }),
  });
}

function parseDatabaseUrl(url: string | undefined, dataDir: string, cwd: string): DatabaseConfig {
  if (!url) return { kind: 'sqlite', file: join(dataDir, 'app.db') };
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    return { kind: 'sqlite', file: isAbsolute(file) ? file : resolve(cwd, file) };
  }
  return { kind: 'postgres', url };
}

/** The same config with a Redis URL filled in (the supervisor's own server). */
export function withRedisUrl(config: AppConfig, redisUrl: string): AppConfig {
  return Object.freeze({ ...config, redisUrl });
}
