import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { loginResponseSchema } from '@app/shared/contracts/api/auth';
import { ForbiddenError } from '@app/shared/contracts/errors';
import type { Request, Response } from 'express';
import { ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { NoStore } from '../common/no-store';
import { UuidParamPipe } from '../common/uuid-param.pipe';
import { AllowedBeforePasswordChange, Public, SessionOnly } from '../common/route-access.decorators';
import { AuthUserDto, ChangePasswordDto, LoginDto, LoginResponseDto, SessionListDto, UpdateProfileDto } from './auth.dto';
import { AuthService, SESSION_MAX_MS, type IssuedSession } from './auth.service';
import { clearRefreshCookie, isSameOrigin, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @NoStore()
  @Post('login')
  @ZodResponse({ status: 200, type: LoginResponseDto })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const issued = await this.auth.login(body, { ip: request.ip ?? 'unknown', userAgent: request.headers['user-agent'] });
    return this.answer(issued, request, response);
  }

  /**
   * Without a refresh cookie there is nothing to refresh: 204, not a 401, so a signed-out browser's
   * start-up probe leaves no error in its console. A cookie that no longer works still answers 401.
   * The answer is written here (Nest's declared status would override a 204), parsed like the others.
   */
  @Public()
  @NoStore()
  @Post('refresh')
  @ApiResponse({ status: 200, type: LoginResponseDto.Output })
  @ApiNoContentResponse({ description: 'No refresh cookie: nothing to refresh (signed out)' })
  async refresh(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!isSameOrigin(request)) throw new ForbiddenError('Cross-origin refresh refused');
    const refreshToken = readRefreshCookie(request);
    if (!refreshToken) {
      response.status(204).end();
      return;
    }
    try {
      const answer = this.answer(await this.auth.refresh(refreshToken), request, response);
      response.status(200).json(loginResponseSchema.parse(answer));
    } catch (error) {
      clearRefreshCookie(request, response);
      throw error;
    }
  }

  /** Ends the session named by the refresh cookie; public so it works after the access token expired. */
  @Public()
  @Post('logout')
  @HttpCode(204)
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (!isSameOrigin(request)) throw new ForbiddenError('Cross-origin logout refused');
    await this.auth.logout(readRefreshCookie(request));
    clearRefreshCookie(request, response);
  }

  @AllowedBeforePasswordChange()
  @Get('me')
  @ZodResponse({ type: AuthUserDto })
  me(@CurrentUser() user: AuthUser) {
    return this.auth.me(user);
  }

  @SessionOnly()
  @Patch('me')
  @ZodResponse({ type: AuthUserDto })
  updateMe(@CurrentUser() user: AuthUser, @Body() body: UpdateProfileDto) {
    return this.auth.updateDisplayName(user, body.displayName);
  }

  @SessionOnly()
  @AllowedBeforePasswordChange()
  @Post('password')
  @HttpCode(204)
  changePassword(@CurrentUser() user: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(user, body);
  }

  @SessionOnly()
  @Get('sessions')
  @ZodResponse({ type: SessionListDto })
  async sessions(@CurrentUser() user: AuthUser) {
    return { items: await this.auth.listSessions(user) };
  }

  @SessionOnly()
  @Delete('sessions/:id')
  @HttpCode(204)
  revokeSession(@CurrentUser() user: AuthUser, @Param('id', UuidParamPipe) id: string): Promise<void> {
    return this.auth.revokeSession(user, id);
  }

  private answer(issued: IssuedSession, request: Request, response: Response) {
    setRefreshCookie(request, response, issued.refreshToken, SESSION_MAX_MS);
    return issued.response;
  }
}
