import { freemem, totalmem } from 'node:os';

/** `/features`, and the socket's `feature_flags` reply [obs 00, 01b]. */
export function serverFeatures(maxUploadSize: number): Record<string, unknown> {
  return { supports_preview_metadata: true, max_upload_size: maxUploadSize, extension: { manager: { supports_v4: true } } };
}

/** `/system_stats` of a CPU-only 0.8.0 server [obs 00], with this machine's memory figures. */
export function systemStats(host: string, port: number, baseDirectory: string): Record<string, unknown> {
  const total = totalmem();
  const free = freemem();
  return {
    system: {
      os: process.platform,
      ram_total: total,
      ram_free: free,
      comfyui_version: '0.8.0',
      required_frontend_version: '1.35.9',
      installed_templates_version: null,
      required_templates_version: '0.7.67',
      python_version: '3.11.2 (comfyui-sim stand-in)',
      pytorch_version: '1.13.0a0',
      embedded_python: false,
      argv: ['main.py', '--listen', host, '--port', String(port), '--cpu', '--disable-auto-launch', '--base-directory', baseDirectory],
    },
    devices: [{ name: 'cpu', type: 'cpu', index: null, vram_total: total, vram_free: free, torch_vram_total: total, torch_vram_free: free }],
  };
}
