import { SendThrottle } from './send-throttle';

/** A fake clock: sleeping advances time. */
function fakeClock() {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
}

describe('SendThrottle', () => {
  it('lets a one-second burst through, then paces sends at the configured rate', async () => {
    const clock = fakeClock();
    const throttle = new SendThrottle(10, clock);
    const times: number[] = [];
    for (let i = 0; i < 30; i++) {
      await throttle.acquire();
      times.push(clock.now());
    }
    expect(times.slice(0, 10)).toEqual(Array(10).fill(0));
    // 20 more at 10 per second take two more seconds, each 100 ms after the last.
    expect(times[29]).toBe(2_000);
    const [tenth, eleventh] = times.slice(10, 12);
    expect((eleventh ?? NaN) - (tenth ?? NaN)).toBe(100);
  });

  it('allows fractional rates below one per second', async () => {
    const clock = fakeClock();
    const throttle = new SendThrottle(0.5, clock);
    await throttle.acquire();
    await throttle.acquire();
    expect(clock.now()).toBe(2_000);
  });
});
