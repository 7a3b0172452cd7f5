import { QuantisedVector } from '../vectors/quantised-vector';

/** An item set aside as noise, kept (bounded) so a later theme can absorb it. */
export interface NoiseItem {
  readonly id: string;
  readonly text: string;
  /** The item's raw embedding. */
  readonly vector: QuantisedVector;
  /** Set aside by a person: the machine never absorbs it again. */
  readonly manual: boolean;
}
