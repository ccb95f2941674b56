import { studioUrls } from '@app/server/system/studio-urls';
import QRCode from 'qrcode';
import { readyMessage } from './announce';

const admin = { created: false, email: 'admin@studio.local' } as const;
const banner = (host: string, addresses: string[], secure = false) => readyMessage(studioUrls({ port: 3000, host, secure }, addresses), admin, ['http://127.0.0.1:8188'], false);
const rendered = async (url: string) => (await QRCode.toString(url, { type: 'terminal', small: true })).replace(/\n+$/, '').split('\n');

describe('X-8 the start banner shows a QR code of the LAN URL', () => {
  it('prints the code for the LAN URL right under "Cozy Studio is running"', async () => {
    const lines = await banner('0.0.0.0', ['192.168.1.20']);
    const running = lines.indexOf('Cozy Studio is running: http://localhost:3000  http://192.168.1.20:3000');
    expect(running).toBeGreaterThan(-1);
    const code = await rendered('http://192.168.1.20:3000');
    expect(lines.slice(running + 1, running + 2 + code.length)).toEqual(['Scan to open http://192.168.1.20:3000 on a phone:', ...code]);
  });

  it('encodes the https URL once the studio serves TLS', async () => {
    const lines = await banner('0.0.0.0', ['192.168.1.20'], true);
    expect(lines).toContain('Scan to open https://192.168.1.20:3000 on a phone:');
    expect(lines.join('\n')).toContain((await rendered('https://192.168.1.20:3000')).join('\n'));
  });

  it('prints no code when bound to 127.0.0.1, where no phone can reach it', async () => {
    const lines = await banner('127.0.0.1', ['192.168.1.20']);
    expect(lines.filter((line) => line.includes('Scan to open'))).toEqual([]);
    expect(lines.join('\n')).not.toMatch(/[▀▄█]/);
    expect(lines[1]).toBe('Cozy Studio is running: http://localhost:3000');
  });

  it('stops after three codes on a machine with many networks', async () => {
    const lines = await banner('0.0.0.0', ['192.168.1.20', '10.0.0.5', '172.17.0.1', '100.64.0.2']);
    expect(lines.filter((line) => line.startsWith('Scan to open'))).toEqual([
      'Scan to open http://192.168.1.20:3000 on a phone:',
      'Scan to open http://10.0.0.5:3000 on a phone:',
      'Scan to open http://172.17.0.1:3000 on a phone:',
    ]);
    expect(lines[1]).toContain('http://100.64.0.2:3000');
  });
});
