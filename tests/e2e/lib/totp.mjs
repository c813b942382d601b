// RFC 6238 time-based one-time passwords (HMAC-SHA-1, 6 digits, 30-second steps), as authenticator apps make them.
import { createHmac } from 'node:crypto';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes RFC 4648 base32, ignoring case, spaces, hyphens and padding (authenticator apps accept all of these). */
export function base32Decode(text) {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  let bits = 0;
  let value = 0;
  const bytes = [];
  for (const char of clean) {
    const index = alphabet.indexOf(char);
    if (index < 0) throw new Error(`Not a base32 character: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 4226 HOTP value for a counter. */
export function hotp(key, counter, digits = 6) {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return String(binary).padStart(digits, '0');
}

export function timeStep(now = Date.now(), stepSeconds = 30) {
  return Math.floor(now / 1000 / stepSeconds);
}

export function totp(key, now = Date.now(), digits = 6, stepSeconds = 30) {
  return hotp(key, timeStep(now, stepSeconds), digits);
}

/**
 * A code from a time step not used before: servers refuse a code seen earlier, so when the
 * current step was already used, wait for the next one.
 */
export async function freshTotp(key, usedSteps) {
  let step = timeStep();
  while (usedSteps.has(step)) {
    const nextStepAt = (step + 1) * 30_000;
    await new Promise((resolve) => setTimeout(resolve, nextStepAt - Date.now() + 250));
    step = timeStep();
  }
  usedSteps.add(step);
  return hotp(key, step);
}
