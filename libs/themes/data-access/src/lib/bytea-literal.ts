/**
 * Bytes as PostgreSQL's hex bytea input (`\x0a1b...`), for a `$n::bytea` parameter. Sent as text,
 * so it does not depend on the driver recognising a Buffer (under Jest, typed arrays can come
 * from another realm).
 */
export function byteaLiteral(bytes: Uint8Array): string {
  return `\\x${Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex')}`;
}
