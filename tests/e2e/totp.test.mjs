// Checks the TOTP code generator used by the browser tests against the RFC 6238 test vectors (SHA-1).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, hotp, totp } from './lib/totp.mjs';

const rfcKey = Buffer.from('12345678901234567890', 'ascii');

test('base32 decoding matches RFC 4648', () => {
  assert.equal(base32Decode('MZXW6YTBOI======').toString('ascii'), 'foobar');
  assert.equal(base32Decode('mzxw 6ytb oi').toString('ascii'), 'foobar');
  assert.deepEqual(base32Decode('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'), rfcKey);
});

test('HOTP matches RFC 4226 appendix D', () => {
  assert.deepEqual(
    [0, 1, 2, 9].map((counter) => hotp(rfcKey, counter)),
    ['755224', '287082', '359152', '520489'],
  );
});

test('TOTP matches RFC 6238 appendix B (last 6 digits of the 8-digit values)', () => {
  const vectors = [
    [59, '94287082'],
    [1111111109, '07081804'],
    [1234567890, '89005924'],
    [20000000000, '65353130'],
  ];
  for (const [seconds, expected] of vectors) {
    assert.equal(totp(rfcKey, seconds * 1000, 8), expected);
    assert.equal(totp(rfcKey, seconds * 1000), expected.slice(2));
  }
});
