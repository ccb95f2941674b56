import { createdTokenSchema, createTokenSchema, tokenListSchema } from '@app/shared/contracts/api/tokens';
import { createZodDto } from 'nestjs-zod';

export class CreateTokenDto extends createZodDto(createTokenSchema) {}
export class CreatedTokenDto extends createZodDto(createdTokenSchema) {}
export class TokenListDto extends createZodDto(tokenListSchema) {}
