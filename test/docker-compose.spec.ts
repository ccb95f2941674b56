import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const ROOT = join(__dirname, '..');

const composeSchema = z.object({
  services: z.record(
    z.string(),
    z.object({
      image: z.string().optional(),
      build: z.string().optional(),
      command: z.array(z.string()).optional(),
      environment: z.record(z.string(), z.string()).optional(),
      ports: z.array(z.string()).optional(),
      volumes: z.array(z.string()).optional(),
      profiles: z.array(z.string()).optional(),
      depends_on: z.array(z.string()).optional(),
    }),
  ),
  volumes: z.record(z.string(), z.null()),
});

/** No Docker engine runs here: check the file parses and declares what a deployment needs. */
describe('docker-compose.yml', () => {
  const compose = composeSchema.parse(parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }));
  const service = (name: string) => {
    const found = compose.services[name];
    if (!found) throw new Error(`no ${name} service`);
    return found;
  };

  it('runs redis, api and worker, with the stand-in only in the demo profile', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'comfyui-sim', 'redis', 'worker']);
    expect(service('comfyui-sim').profiles).toEqual(['demo']);
    expect(service('redis').command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
  });

  it('publishes only the api port', () => {
    expect(service('api').ports).toEqual(['${PORT:-3000}:3000']);
    for (const name of ['redis', 'worker', 'comfyui-sim']) expect(service(name).ports).toBeUndefined();
  });

  it('gives api and worker one shared data volume and Redis its own', () => {
    expect(service('api').volumes).toEqual(['studio-data:/data']);
    expect(service('worker').volumes).toEqual(['studio-data:/data']);
    expect(service('redis').volumes).toEqual(['redis-data:/data']);
    expect(Object.keys(compose.volumes).sort()).toEqual(['redis-data', 'studio-data']);
  });

  it.each(['api', 'worker'])('passes every configuration variable to the %s', (name) => {
    const env = service(name).environment ?? {};
    for (const key of ['DATA_DIR', 'DATABASE_URL', 'REDIS_URL', 'COMFYUI_URLS', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'JWT_SECRET']) {
      expect(env).toHaveProperty(key);
    }
    expect(env.REDIS_URL).toBe('redis://redis:6379');
    expect(env.DATA_DIR).toBe('/data');
  });

  it('starts compiled entry points that the build produces', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('node scripts/build.mjs --force');
    for (const name of ['api', 'worker', 'comfyui-sim']) {
      const entry = service(name).command?.find((part) => part.startsWith('dist/'));
      expect(entry).toMatch(/^dist\/apps\/[a-z-]+\/src\/main\.js$/);
    }
  });
});
