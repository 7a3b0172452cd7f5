import { Module } from '@nestjs/common';
import { DeadLetterKeeper } from './dead-letter-keeper.consumer';

@Module({ providers: [DeadLetterKeeper] })
export class DeadLettersModule {}
