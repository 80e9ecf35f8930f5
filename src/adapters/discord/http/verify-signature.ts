/**
 * Discord signs every request to the interactions endpoint with the application's Ed25519 key: the signature
 * (X-Signature-Ed25519, hex) covers the timestamp (X-Signature-Timestamp) followed by the raw body. Verified with
 * node:crypto against the public key from the Developer Portal (hex, 32 bytes).
 */
import { createPublicKey, verify, type KeyObject } from 'node:crypto';

export const PUBLIC_KEY_PATTERN = /^[0-9a-fA-F]{64}$/;
const SIGNATURE_PATTERN = /^[0-9a-fA-F]{128}$/;
const TIMESTAMP_PATTERN = /^\d{1,12}$/;

export function publicKeyFromHex(hex: string): KeyObject {
  if (!PUBLIC_KEY_PATTERN.test(hex)) throw new Error('an Ed25519 public key is 64 hexadecimal characters');
  return createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(hex, 'hex').toString('base64url') },
    format: 'jwk',
  });
}

/** The headers look like a signature (checked before the body is read: a request without one is refused at once). */
export function signatureHeadersValid(signature: string | undefined, timestamp: string | undefined): boolean {
  return (
    signature !== undefined &&
    timestamp !== undefined &&
    SIGNATURE_PATTERN.test(signature) &&
    TIMESTAMP_PATTERN.test(timestamp)
  );
}

export function verifySignature(input: {
  readonly key: KeyObject;
  readonly signature: string;
  readonly timestamp: string;
  readonly body: Buffer;
}): boolean {
  if (!signatureHeadersValid(input.signature, input.timestamp)) return false;
  const message = Buffer.concat([Buffer.from(input.timestamp, 'utf8'), input.body]);
  return verify(null, message, input.key, Buffer.from(input.signature, 'hex'));
}
