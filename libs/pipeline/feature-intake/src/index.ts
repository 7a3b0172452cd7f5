export * from './lib/intake.module';
export * from './lib/intake.consumer';
export * from './lib/normalise-inbound-event';
export * from './lib/enrich-feedback';
export * from './lib/store-feedback';
