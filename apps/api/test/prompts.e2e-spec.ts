import type { AliasList } from '@app/shared/contracts/api/aliases';
import type { PromptExpansion } from '@app/shared/contracts/api/prompts';
import { buildAliasIndex } from '@app/shared/prompt/alias-index';
import { cozyGenAliasesFileSchema, normaliseAliasesFile } from '@app/shared/prompt/aliases-file';
import { expandPrompt } from '@app/shared/prompt/expand-prompt';
import { readFixtureJson } from '@test/fixtures';
import { startTestApi, type TestApi } from './support/test-api';

const bearer = { type: 'bearer' } as const;
const fixture = cozyGenAliasesFileSchema.parse(readFixtureJson('aliases/cozygen-aliases.json'));

describe('A-12 POST /prompts/expand', () => {
  let api: TestApi;
  let token: string;
  beforeAll(async () => {
    api = await startTestApi();
    token = (await api.createUser('prompts@test.local')).token;
    await api.http.post('/api/aliases/import').auth(token, bearer).send(fixture).expect(200);
  });
  afterAll(async () => {
    await api.close();
  });

  const expand = async (body: object, as = token): Promise<PromptExpansion> => (await api.http.post('/api/prompts/expand').auth(as, bearer).send(body).expect(200)).body as PromptExpansion;

  describe("the fixture README's expansions, verified against CozyGen", () => {
    it.each([
      ['$prompts:winter_knight$', '1girl, knight, armor, long_hair, holding_sword, winter_clothes, coat, scarf, mittens, earmuffs, mountain, snow, winter, cloudy_sky'],
      [
        '$prompts::neon_samurai$',
        '1boy, cyberpunk, katana, techwear, short_hair, (night:1.2), (neon_lights:1.2), (city_lights:1.2), (reflection:1.2), rooftop, cityscape, skyscraper, night_sky',
      ],
      [
        '$storybook_fox$',
        '1girl, fox_girl, fox_ears, fox_tail, kimono, smile, watercolor_(medium), traditional_media, (field:0.8), (flower_field:0.8), (falling_petals:0.8), (blue_sky:0.8)',
      ],
      ['($lighting:neon:pink$:0.6), 1girl', '(neon_lights:0.6), (pink_theme:0.6), (glowing:0.6), 1girl'],
    ])('%s', async (text, expected) => {
      const result = await expand({ text });
      expect(result.text).toBe(expected);
      expect(result.warnings).toEqual([]);
    });
  });

  it('A-7 traces each replacement with the alias id and revision', async () => {
    const hat = (await api.http.post('/api/aliases').auth(token, bearer).send({ name: 'hat', text: 'red hat' }).expect(201)).body as { id: string };
    expect((await expand({ text: 'a $hat$', fieldKey: 'positive' })).trace).toEqual([
      { kind: 'alias', field: 'positive', round: 1, pass: 1, form: 'plain', position: 2, token: '$hat$', key: 'hat', revision: 1, aliasId: hat.id },
    ]);
    await api.http.patch(`/api/aliases/${hat.id}`).auth(token, bearer).send({ text: 'blue hat', revision: 1 }).expect(200);
    const edited = await expand({ text: 'a $hat$' });
    expect([edited.text, edited.trace[0]?.kind === 'alias' && edited.trace[0].revision]).toEqual(['a blue hat', 2]);
  });

  it('D-4 picks wildcard options reproducibly: same seed and field, same result, as the shared function gives', async () => {
    const text = '{red|green|blue} hat, {$outdoor:snowy_mountain$|$lighting:moonlit$|plain}, {a|b|c|d}';
    const first = await expand({ text, seed: 1234, fieldKey: 'positive' });
    expect(await expand({ text, seed: 1234, fieldKey: 'positive' })).toEqual(first);
    const file = normaliseAliasesFile(fixture);
    if (!file.ok) throw new Error('fixture does not import');
    const local = expandPrompt(text, buildAliasIndex(file.value.aliases), { seed: 1234, fieldKey: 'positive' });
    expect(first.text).toBe(local.text);
    expect(first.trace.filter((t) => t.kind === 'wildcard')).toEqual(local.trace.filter((t) => t.kind === 'wildcard'));
    expect(first.combinations).toBe(36);
    const seeds = await Promise.all([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => expand({ text, seed, fieldKey: 'positive' })));
    expect(new Set(seeds.map((r) => r.text)).size).toBeGreaterThan(1);
  });

  it("uses seed 0 and field key 'prompt' when none are given", async () => {
    const text = '{a|b|c|d|e|f|g|h|i|j}{a|b|c|d|e|f|g|h|i|j}{a|b|c|d|e|f|g|h|i|j}';
    const expected = expandPrompt(text, buildAliasIndex([]), { seed: 0, fieldKey: 'prompt' }).text;
    expect((await expand({ text })).text).toBe(expected);
    expect((await expand({ text, seed: 1 })).text).not.toBe(expected);
  });

  it('flags unknown and ambiguous tokens, leaving them as written', async () => {
    await api.http.post('/api/aliases').auth(token, bearer).send({ category: 'fruit', name: 'cherry', text: 'cherry' }).expect(201);
    await api.http.post('/api/aliases').auth(token, bearer).send({ category: 'color', name: 'cherry', text: 'cherry_red' }).expect(201);
    const result = await expand({ text: '$nope$ $cherry$' });
    expect(result.text).toBe('$nope$ $cherry$');
    expect(result.warnings.map((w) => [w.kind, w.token, w.candidates])).toEqual([
      ['unknown-alias', '$nope$', undefined],
      ['ambiguous-alias', '$cherry$', ['fruit::cherry', 'color::cherry']],
    ]);
  });

  it("U-5 expands only the caller's own aliases", async () => {
    const stranger = (await api.createUser('prompts-stranger@test.local')).token;
    const result = await expand({ text: '$prompts:winter_knight$' }, stranger);
    expect(result.text).toBe('$prompts:winter_knight$');
    expect(result.warnings.map((w) => w.kind)).toEqual(['unknown-alias']);
    expect(((await api.http.get('/api/aliases').auth(stranger, bearer)).body as AliasList).total).toBe(0);
  });

  it('S-20 refuses a text over 20,000 characters and bad seeds with 400 on the field', async () => {
    const long = await api.http.post('/api/prompts/expand').auth(token, bearer).send({ text: 'x'.repeat(20_001) }).expect(400);
    expect(long.body.errors).toEqual([{ field: 'body.text', message: 'must be at most 20000 characters' }]);
    await api.http.post('/api/prompts/expand').auth(token, bearer).send({ text: 'x'.repeat(20_000) }).expect(200);
    for (const seed of [-1, 1.5, '7']) {
      const res = await api.http.post('/api/prompts/expand').auth(token, bearer).send({ text: 'x', seed }).expect(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.seed']);
    }
  });

  it('U-7 a read-only API token may preview but not change aliases', async () => {
    const created = await api.http.post('/api/tokens').auth(token, bearer).send({ name: 'preview', scopes: ['read'] }).expect(201);
    const secret = (created.body as { secret: string }).secret;
    expect((await expand({ text: '$quality_boost$' }, secret)).text).toBe('(masterpiece:1.2), best_quality, highres, absurdres');
    await api.http.post('/api/aliases').auth(secret, bearer).send({ name: 'nope', text: 'x' }).expect(403);
  });
});
