import { ComfyBackendClient } from '../comfy-backend-client';
import { progressGraph } from './comfy-test-kit';

/**
 * Child process for the reattach test: submits one long prompt under the given ids, reports it on
 * stdout, then keeps following it until the parent kills the process.
 * argv: baseUrl clientId promptId steps delayMs
 */
async function main(): Promise<void> {
  const [baseUrl = '', clientId = '', promptId = '', steps = '20', delayMs = '50'] = process.argv.slice(2);
  const client = new ComfyBackendClient({ baseUrl, clientId });
  client.start();
  const tracked = await client.submit(progressGraph(`cg/${promptId}/out`, Number(steps), Number(delayMs)), { promptId });
  process.stdout.write(`${JSON.stringify({ submitted: promptId, number: tracked.number })}\n`);
  tracked.on('frame', (event) => {
    if (event.type === 'progress') process.stdout.write(`${JSON.stringify({ progress: event.value })}\n`);
  });
}

main().catch((error: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`);
  process.exitCode = 1;
});
