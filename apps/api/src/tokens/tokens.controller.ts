import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { NoStore } from '../common/no-store';
import { SessionOnly } from '../common/route-access.decorators';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreatedTokenDto, CreateTokenDto, TokenListDto } from './tokens.dto';
import { TokensService } from './tokens.service';

@ApiTags('tokens')
@SessionOnly()
@Controller('tokens')
export class TokensController {
  constructor(private readonly tokens: TokensService) {}

  @Get()
  @ZodResponse({ type: TokenListDto })
  async list(@CurrentUser() user: AuthUser) {
    return { items: await this.tokens.list(user) };
  }

  @Post()
  @NoStore()
  @ZodResponse({ status: 201, type: CreatedTokenDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateTokenDto) {
    return this.tokens.create(user, body);
  }

  @Delete(':id')
  @HttpCode(204)
  revoke(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.tokens.revoke(user, id);
  }
}
