import { Module } from '@nestjs/common';
import { AliasesModule } from '../aliases/aliases.module';
import { PromptsController } from './prompts.controller';
import { PromptsService } from './prompts.service';

/** Prompt expansion for previews (A-12, D-4). */
@Module({
  imports: [AliasesModule],
  controllers: [PromptsController],
  providers: [PromptsService],
})
export class PromptsModule {}
