import { Module } from '@nestjs/common';
import { TrackingConsumer } from './tracking.consumer';

@Module({ providers: [TrackingConsumer] })
export class TrackingModule {}
