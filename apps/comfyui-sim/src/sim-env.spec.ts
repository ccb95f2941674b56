import { loadSimEnv, SimEnvError } from './sim-env';

describe('stand-in environment', () => {
  it('defaults to 127.0.0.1:8188 with data under the working directory', () => {
    expect(loadSimEnv({}, '/srv/app')).toEqual({ port: 8188, host: '127.0.0.1', dataDir: '/srv/app/data/comfyui-sim' });
  });

  it('reads step time, model lists and faults', () => {
    const options = loadSimEnv({ SIM_PORT: '0', SIM_STEP_MS: '5', SIM_MODELS: '{"loras":["a.safetensors"]}', SIM_FAULTS: '{"failNode":"KSampler"}' }, '/x');
    expect(options).toMatchObject({ port: 0, stepMs: 5, models: { loras: ['a.safetensors'] }, faults: { failNode: 'KSampler' } });
  });

  it('resolves the execution log against the working directory', () => {
    expect(loadSimEnv({ SIM_EXECUTION_LOG: 'runs/b0.log' }, '/x').executionLog).toBe('/x/runs/b0.log');
  });

  it.each([
    ['SIM_PORT', 'abc'],
    ['SIM_EXECUTION_LOG', ''],
    ['SIM_MODELS', '{not json'],
    ['SIM_FAULTS', '{"explode":true}'],
  ])('rejects a bad %s naming the variable', (name, value) => {
    expect(() => loadSimEnv({ [name]: value }, '/x')).toThrow(SimEnvError);
    expect(() => loadSimEnv({ [name]: value }, '/x')).toThrow(name);
  });
});
