import { describe, expect, it } from 'vitest';
import { bounded } from '../src/modules/auth/password.js';

describe('hash checks', () => {
  it('run four at a time, let at most 200 wait, and refuse the next at once with RATE_LIMITED', async () => {
    let releaseAll: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (releaseAll = resolve));
    let started = 0;
    let peak = 0;
    let now = 0;
    const job = () =>
      bounded(async () => {
        started += 1;
        now += 1;
        peak = Math.max(peak, now);
        await gate;
        now -= 1;
        return true;
      });
    const accepted = Array.from({ length: 204 }, job);
    await new Promise((r) => setImmediate(r));
    expect(started).toBe(4);
    await expect(job()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    releaseAll();
    expect(await Promise.all(accepted)).toHaveLength(204);
    expect(peak).toBe(4);
    // Every slot is free again.
    expect(await bounded(async () => 'ok')).toBe('ok');
  });
});
