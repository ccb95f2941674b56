import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { AdminOnly } from '../common/route-access.decorators';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { CreateUserDto, DeleteUserQueryDto, ResetPasswordDto, UpdateUserDto, UserDto, UserListDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@AdminOnly()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ZodResponse({ type: UserListDto })
  async list() {
    return { items: await this.users.list() };
  }

  @Post()
  @ZodResponse({ status: 201, type: UserDto })
  create(@Body() body: CreateUserDto) {
    return this.users.create(body);
  }

  @Patch(':id')
  @ZodResponse({ type: UserDto })
  update(@Param('id', UuidParamPipe) id: string, @Body() body: UpdateUserDto) {
    return this.users.update(id, body);
  }

  @Post(':id/password')
  @HttpCode(204)
  resetPassword(@Param('id', UuidParamPipe) id: string, @Body() body: ResetPasswordDto): Promise<void> {
    return this.users.resetPassword(id, body.password);
  }

  @Delete(':id')
  @HttpCode(204)
  delete(@Param('id', UuidParamPipe) id: string, @Query() query: DeleteUserQueryDto): Promise<void> {
    return this.users.delete(id, query.confirm);
  }
}
