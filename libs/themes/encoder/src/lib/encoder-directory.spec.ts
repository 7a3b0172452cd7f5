import { join } from 'node:path';
import { encoderDirectoryFromEnv } from './encoder-directory';

describe('encoderDirectoryFromEnv', () => {
  it('uses THEME_ENCODER_DIR when set', () => {
    expect(encoderDirectoryFromEnv({ THEME_ENCODER_DIR: '/opt/models/bge' }, '/home/x')).toBe(
      '/opt/models/bge',
    );
  });

  it('falls back to the cache that npm run models:fetch fills', () => {
    expect(encoderDirectoryFromEnv({}, '/home/x')).toBe(
      join('/home/x', '.cache', 'closedloop', 'models', 'bge-small-en-v1.5-q'),
    );
    expect(encoderDirectoryFromEnv({ THEME_ENCODER_DIR: '  ' }, '/home/x')).toBe(
      join('/home/x', '.cache', 'closedloop', 'models', 'bge-small-en-v1.5-q'),
    );
  });

  it('follows CLOSEDLOOP_CACHE like tools/models/ensure-encoder.sh', () => {
    expect(encoderDirectoryFromEnv({ CLOSEDLOOP_CACHE: '/srv/cache' }, '/home/x')).toBe(
      join('/srv/cache', 'models', 'bge-small-en-v1.5-q'),
    );
  });
});
