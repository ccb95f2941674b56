import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { RequireScope } from '../common/route-access.decorators';
import { ExpandPromptDto, PromptExpansionDto } from './prompts.dto';
import { PromptsService } from './prompts.service';

@ApiTags('prompts')
@Controller('prompts')
export class PromptsController {
  constructor(private readonly prompts: PromptsService) {}

  /** Writes nothing, so a read-only token may preview. */
  @Post('expand')
  @RequireScope('read')
  @ZodResponse({ status: 200, type: PromptExpansionDto })
  expand(@CurrentUser() user: AuthUser, @Body() body: ExpandPromptDto) {
    return this.prompts.expand(user.id, body);
  }
}
