import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AliasDto } from './aliases.dto';
import {
  CopyAliasDto,
  CopySharedAliasCategoryDto,
  SharedAliasCategoryCopyDto,
  SharedAliasCategoryListDto,
  SharedAliasCategoryListQueryDto,
  SharedAliasListDto,
  SharedAliasListQueryDto,
} from './shared-aliases.dto';
import { SharedAliasCategoriesService } from './shared-alias-categories.service';
import { SharedAliasesService } from './shared-aliases.service';

/**
 * Other users' shared aliases (U-5, A-8). Registered before AliasesController so that
 * `/aliases/shared` is not read as an alias id.
 */
@ApiTags('aliases')
@Controller('aliases')
export class SharedAliasesController {
  constructor(
    private readonly shared: SharedAliasesService,
    private readonly sharedCategories: SharedAliasCategoriesService,
  ) {}

  @Get('shared')
  @ZodResponse({ type: SharedAliasListDto })
  list(@CurrentUser() user: AuthUser, @Query() query: SharedAliasListQueryDto) {
    return this.shared.list(user.id, query);
  }

  @Get('shared/categories')
  @ZodResponse({ type: SharedAliasCategoryListDto })
  listCategories(@CurrentUser() user: AuthUser, @Query() query: SharedAliasCategoryListQueryDto) {
    return this.sharedCategories.list(user.id, query);
  }

  /** Needs the same scope as a single copy (a write: `generate`). */
  @Post('shared/categories/copy')
  @ZodResponse({ status: 201, type: SharedAliasCategoryCopyDto })
  copyCategory(@CurrentUser() user: AuthUser, @Body() body: CopySharedAliasCategoryDto) {
    return this.sharedCategories.copy(user.id, body);
  }

  @Post(':id/copy')
  @ZodResponse({ status: 201, type: AliasDto })
  copy(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string, @Body() body: CopyAliasDto) {
    return this.shared.copy(user.id, id, body);
  }
}
