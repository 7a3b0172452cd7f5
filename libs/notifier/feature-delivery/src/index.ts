export * from './lib/delivery.module';
export * from './lib/delivery.config';
export * from './lib/mail-transport';
export * from './lib/notice-delivery.service';
export * from './lib/delivery.consumer';
export * from './lib/notice-sweeper';
export * from './lib/send-throttle';
