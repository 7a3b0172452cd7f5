export * from './lib/score-band';
export * from './lib/normalise-email';
export * from './lib/redaction/redact-personal-data';
export * from './lib/sentiment/score-sentiment';
export * from './lib/language/detect-language';
export * from './lib/journey/classify-journey-stage';
export * from './lib/social/needs-public-answer';
export * from './lib/erasure/erased-phrases';
