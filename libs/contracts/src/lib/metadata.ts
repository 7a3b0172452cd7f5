import { z } from 'zod';

/** Largest serialised size of an event's free-form metadata, in bytes. */
export const MAX_METADATA_BYTES = 4096;

/** One encoder for every check, not one per event. */
const utf8 = new TextEncoder();

export const MetadataSchema = z
  .record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
  .refine((value) => utf8.encode(JSON.stringify(value)).length <= MAX_METADATA_BYTES, {
    message: `metadata is larger than ${MAX_METADATA_BYTES} bytes`,
  });
