export * from './lib/xss-payloads';
