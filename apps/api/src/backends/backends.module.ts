import { Module } from '@nestjs/common';
import { BackendsController } from './backends.controller';
import { BackendsService } from './backends.service';

@Module({ controllers: [BackendsController], providers: [BackendsService] })
export class BackendsModule {}
