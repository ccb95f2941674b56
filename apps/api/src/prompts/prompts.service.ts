import { Injectable } from '@nestjs/common';
import type { ExpandPrompt, PromptExpansion } from '@app/shared/contracts/api/prompts';
import { buildAliasIndex } from '@app/shared/prompt/alias-index';
import { countWildcardCombinations, expandPrompt } from '@app/shared/prompt/expand-prompt';
import { AliasesRepository } from '@app/server/repositories/aliases.repository';

/** The live preview: the worker's own expansion over the caller's aliases. */
@Injectable()
export class PromptsService {
  constructor(private readonly aliases: AliasesRepository) {}

  async expand(userId: string, input: ExpandPrompt): Promise<PromptExpansion> {
    const index = buildAliasIndex(await this.aliases.listForExpansion(userId));
    const result = expandPrompt(input.text, index, { seed: input.seed, fieldKey: input.fieldKey });
    return { ...result, combinations: countWildcardCombinations(input.text, index) };
  }
}
