import { killVariants, OptionsError, parseOptions } from './options';

describe('npm run chaos options', () => {
  it('defaults to 20 cycles of 100 jobs, every kind of kill, a 60 s bound and a random seed', () => {
    const options = parseOptions([]);
    expect(options).toMatchObject({ cycles: 20, jobs: 100, kinds: ['worker', 'api', 'redis', 'backend'], boundMs: 60_000, keep: false, logLevel: 'info' });
    expect(Number.isInteger(options.seed)).toBe(true);
  });

  it('reads --name value and --name=value', () => {
    expect(parseOptions(['--cycles', '3', '--jobs=12', '--seed', '7', '--kinds', 'redis,api', '--bound-s', '40', '--keep'])).toMatchObject({ cycles: 3, jobs: 12, seed: 7, kinds: ['redis', 'api'], boundMs: 40_000, keep: true });
  });

  it.each([
    [['--cycles', '0'], '--cycles'],
    [['--kinds', 'worker,gpu'], '--kinds'],
    [['--jobs'], '--jobs needs a value'],
    [['--colour', 'red'], 'unknown option --colour'],
    [['cycles'], 'unexpected argument "cycles"'],
  ])('%j is refused in one line naming the option', (argv, named) => {
    expect(() => parseOptions(argv)).toThrow(OptionsError);
    expect(() => parseOptions(argv)).toThrow(named);
  });

  it('a worker is killed both at a random moment and while a job is ingesting', () => {
    expect(killVariants(['worker', 'api'])).toEqual(['worker@ingest', 'worker', 'api']);
  });
});
