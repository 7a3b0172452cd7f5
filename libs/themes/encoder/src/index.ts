export * from './lib/sentence-encoder';
export * from './lib/load-sentence-encoder';
export * from './lib/encoder-directory';
export * from './lib/encoder-files';
export * from './lib/mean-pool';
export * from './lib/l2-normalise';
export * from './lib/special-token-frame';
export * from './lib/reference-origin';
