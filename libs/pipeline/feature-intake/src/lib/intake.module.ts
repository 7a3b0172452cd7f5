import { Module } from '@nestjs/common';
import { IntakeConsumer } from './intake.consumer';

@Module({ providers: [IntakeConsumer] })
export class IntakeModule {}
