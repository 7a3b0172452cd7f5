export * from './lib/column-mapping';
export * from './lib/read-rows';
export * from './lib/import-feedback';
