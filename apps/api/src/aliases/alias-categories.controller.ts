import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AliasCategoryDto, AliasCategoryListDto, CreateAliasCategoryDto, ReorderAliasCategoriesDto, UpdateAliasCategoryDto } from './aliases.dto';
import { AliasCategoriesService } from './alias-categories.service';

/** The caller's ordered alias categories. */
@ApiTags('aliases')
@Controller('alias-categories')
export class AliasCategoriesController {
  constructor(private readonly categories: AliasCategoriesService) {}

  @Get()
  @ZodResponse({ type: AliasCategoryListDto })
  list(@CurrentUser() user: AuthUser) {
    return this.categories.list(user.id);
  }

  @Post()
  @ZodResponse({ status: 201, type: AliasCategoryDto })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateAliasCategoryDto) {
    return this.categories.create(user.id, body);
  }

  @Put('order')
  @ZodResponse({ type: AliasCategoryListDto })
  reorder(@CurrentUser() user: AuthUser, @Body() body: ReorderAliasCategoriesDto) {
    return this.categories.reorder(user.id, body.ids);
  }

  @Patch(':id')
  @ZodResponse({ type: AliasCategoryDto })
  update(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string, @Body() body: UpdateAliasCategoryDto) {
    return this.categories.update(user.id, id, body);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.categories.delete(user.id, id);
  }
}
