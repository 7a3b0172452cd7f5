import { SeededRandom } from '../random/seeded-random';
import { ThemeSample, ThemeState } from './theme-state';

/**
 * Offers an item to a theme's bounded reservoir (Algorithm R over the theme's members, so the
 * samples stay a uniform draw). Manual samples are never evicted. Returns the evicted sample.
 */
export function offerSample(
  theme: ThemeState,
  sample: ThemeSample,
  capacity: number,
  random: SeededRandom,
): ThemeSample | undefined {
  theme.seen++;
  if (sample.manual || theme.samples.length < capacity) {
    theme.samples.push(sample);
    theme.samplesRevision++;
    return undefined;
  }
  const slot = random.nextInt(theme.seen);
  if (slot >= capacity) return undefined;
  const machineSlots = theme.samples
    .map((existing, index) => (existing.manual ? -1 : index))
    .filter((index) => index >= 0);
  if (machineSlots.length === 0) return undefined;
  const index = machineSlots[slot % machineSlots.length];
  const [evicted] = theme.samples.splice(index, 1, sample);
  theme.samplesRevision++;
  return evicted;
}

/** Removes a sample by item id; returns it when it was there. */
export function removeSample(theme: ThemeState, itemId: string): ThemeSample | undefined {
  const index = theme.samples.findIndex((sample) => sample.id === itemId);
  if (index < 0) return undefined;
  const [removed] = theme.samples.splice(index, 1);
  theme.samplesRevision++;
  return removed;
}
