import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * `TEST_POSTGRES_URL` (a server the test run may create databases on) runs the api specs on
 * Postgres instead of SQLite: each test app gets a database of its own, dropped when it closes.
 */
export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** SQLite in the app's data dir unless `TEST_POSTGRES_URL` is set. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_POSTGRES_URL;
  if (!serverUrl) return { env: {}, drop: async () => undefined };
  const name = `cs_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { env: { DATABASE_URL: url.toString() }, drop: () => onServer(serverUrl, `drop database if exists ${name} with (force)`) };
}
