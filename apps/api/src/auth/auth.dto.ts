import { authUserSchema, changePasswordSchema, loginResponseSchema, loginSchema, sessionListSchema, updateProfileSchema } from '@app/shared/contracts/api/auth';
import { createZodDto } from 'nestjs-zod';

export class LoginDto extends createZodDto(loginSchema) {}
export class LoginResponseDto extends createZodDto(loginResponseSchema) {}
export class AuthUserDto extends createZodDto(authUserSchema) {}
export class ChangePasswordDto extends createZodDto(changePasswordSchema) {}
export class UpdateProfileDto extends createZodDto(updateProfileSchema) {}
export class SessionListDto extends createZodDto(sessionListSchema) {}
