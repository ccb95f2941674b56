import { createUserSchema, resetPasswordSchema, updateUserSchema, userListSchema, userSchema } from '@app/shared/contracts/api/users';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';

export class CreateUserDto extends createZodDto(createUserSchema) {}
export class UpdateUserDto extends createZodDto(updateUserSchema) {}
export class ResetPasswordDto extends createZodDto(resetPasswordSchema) {}
export class UserDto extends createZodDto(userSchema) {}
export class UserListDto extends createZodDto(userListSchema) {}
/** U-12: deleting a user requires typing their email. */
export class DeleteUserQueryDto extends createZodDto(z.strictObject({ confirm: z.string().trim().toLowerCase().min(1) })) {}
