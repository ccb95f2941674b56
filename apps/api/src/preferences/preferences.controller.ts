import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { preferencesSchema, updatePreferencesSchema, type Preferences } from '@app/shared/contracts/api/preferences';
import { UserPreferencesRepository } from '@app/server/repositories/user-preferences.repository';
import { Clock } from '@app/server/system/clock';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import type { AuthUser } from '../common/auth-user';
import { CurrentUser } from '../common/current-user.decorator';
import { AllowedBeforePasswordChange, SessionOnly } from '../common/route-access.decorators';

class PreferencesDto extends createZodDto(preferencesSchema) {}
class UpdatePreferencesDto extends createZodDto(updatePreferencesSchema) {}

/**
 * U-8: the caller's preferences, next to `/auth/me`. Reading them is allowed before a forced
 * password change so that screen shows in the user's theme; changing them is, like the profile,
 * for a signed-in session only.
 */
@ApiTags('auth')
@Controller('auth/me/preferences')
export class PreferencesController {
  constructor(
    private readonly preferences: UserPreferencesRepository,
    private readonly clock: Clock,
  ) {}

  @AllowedBeforePasswordChange()
  @Get()
  @ZodResponse({ type: PreferencesDto })
  get(@CurrentUser() user: AuthUser): Promise<Preferences> {
    return this.preferences.find(user.id);
  }

  @SessionOnly()
  @Patch()
  @ZodResponse({ type: PreferencesDto })
  update(@CurrentUser() user: AuthUser, @Body() body: UpdatePreferencesDto): Promise<Preferences> {
    return this.preferences.update(user.id, body, this.clock.now());
  }
}
