import crypto from 'node:crypto';
import zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsEncoding } from '../src/http/concurrency.js';
import type { Viewer } from '../src/modules/access/viewer.js';
import { PlanCache, type PlanBuild, type ViewerClass } from '../src/modules/plan/plan-cache.js';
import { StampedCache } from '../src/modules/plan/stamped-cache.js';

const viewer = {} as Viewer;
const classOf = (key: string) => (): ViewerClass => ({ key, viewer, side: null });
const version = (stamp: string, agreementId = 'a1') => ({ agreementId, stamp, today: '2026-12-07' });

/** A load that counts its calls and makes an answer of `size` characters naming its stamp and class. */
function loader(stamp: string, size = 100) {
  const calls = { loads: 0, presents: 0 };
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const load = async (): Promise<PlanBuild> => {
    calls.loads += 1;
    await gate;
    return {
      stamp,
      leadUnitIds: [],
      present: (c) => {
        calls.presents += 1;
        return [`{"stamp":"${stamp}",`, `"class":"${c.key}",`, `"pad":"${'x'.repeat(size)}"}`];
      },
    };
  };
  return { calls, load, release };
}

const bodyOf = async (answer: { json(): Promise<Buffer> }) =>
  JSON.parse((await answer.json()).toString()) as { stamp: string; class: string };

describe('the plan cache', () => {
  it('makes a version once for every request waiting on it, and once for each class of viewer', async () => {
    const cache = new PlanCache(1 << 20);
    const { calls, load, release } = loader('s1');
    const waiting = [
      ...Array.from({ length: 8 }, () => cache.answer(version('s1'), classOf('coordinator'), load)),
      cache.answer(version('s1'), classOf('observer'), load),
    ];
    release();
    const answers = await Promise.all(waiting);
    expect(calls).toEqual({ loads: 1, presents: 2 });
    expect(new Set(answers.slice(0, 8)).size).toBe(1);
    expect(await bodyOf(answers[8] as never)).toMatchObject({ class: 'observer' });
    // Kept: asked again, nothing is read or made.
    const again = await cache.answer(version('s1'), classOf('coordinator'), load);
    expect(again).toBe(answers[0]);
    expect(calls).toEqual({ loads: 1, presents: 2 });
    expect(cache.stats()).toMatchObject({ builds: 2, answers: 2 });
  });

  it('reads the plan again when its stamp changed, and lets go of the older version', async () => {
    const cache = new PlanCache(1 << 20);
    const first = loader('s1');
    first.release();
    await cache.answer(version('s1'), classOf('c'), first.load);
    const second = loader('s2');
    second.release();
    const answer = await cache.answer(version('s2'), classOf('c'), second.load);
    expect(second.calls.loads).toBe(1);
    expect(await bodyOf(answer)).toMatchObject({ stamp: 's2' });
    expect(cache.stats().answers).toBe(1);
  });

  it('keeps an answer under the stamp it was read at, and not one read before a newer one', async () => {
    const cache = new PlanCache(1 << 20);
    // Asked at s1, but the snapshot it read was already s2: kept as s2.
    const moved = loader('s2');
    moved.release();
    expect(await bodyOf(await cache.answer(version('s1'), classOf('c'), moved.load))).toMatchObject({ stamp: 's2' });
    const never = loader('never');
    never.release();
    await cache.answer(version('s2'), classOf('c'), never.load);
    expect(never.calls.loads).toBe(0);

    // A slow read of s3 that began before a read of s4 ends after it: it goes to its own request only.
    const slow = loader('s3');
    const asked = cache.answer(version('s3'), classOf('c'), slow.load);
    const fast = loader('s4');
    fast.release();
    await cache.answer(version('s4'), classOf('c'), fast.load);
    slow.release();
    expect(await bodyOf(await asked)).toMatchObject({ stamp: 's3' });
    const after = loader('unused');
    after.release();
    expect(await bodyOf(await cache.answer(version('s4'), classOf('c'), after.load))).toMatchObject({ stamp: 's4' });
    expect(after.calls.loads).toBe(0);
  });

  it('holds no more than its size, the least recently used out first; size 0 holds nothing', async () => {
    // Random bytes do not compress: each answer is about 20 KB.
    const random = (agreementId: string) => ({
      stamp: 's',
      leadUnitIds: [],
      present: () => [JSON.stringify({ agreementId, pad: crypto.randomBytes(20_000).toString('base64') })],
    });
    const cache = new PlanCache(50_000);
    for (const id of ['a1', 'a2', 'a3']) await cache.answer(version('s', id), classOf('c'), async () => random(id));
    expect(cache.stats().bytes).toBeLessThanOrEqual(50_000);
    let loads = 0;
    await cache.answer(version('s', 'a3'), classOf('c'), async () => (loads++, random('a3')));
    await cache.answer(version('s', 'a1'), classOf('c'), async () => (loads++, random('a1')));
    expect(loads).toBe(1);

    const none = new PlanCache(0);
    await none.answer(version('s'), classOf('c'), async () => random('a1'));
    expect(none.stats()).toMatchObject({ builds: 1, answers: 0, bytes: 0 });
  });

  it('sends the same JSON in each encoding, with the ETag of the JSON', async () => {
    const cache = new PlanCache(1 << 20);
    const { load, release } = loader('s1', 10_000);
    release();
    const answer = await cache.answer(version('s1'), classOf('c'), load);
    const json = await answer.json();
    expect(zlib.gunzipSync(await answer.gzip()).equals(json)).toBe(true);
    expect(zlib.brotliDecompressSync(answer.br).equals(json)).toBe(true);
    expect(answer.br.length).toBeLessThan(json.length / 10);
    expect(answer.etag).toMatch(/^W\/"[\w-]{32}"$/);
  });
});

describe('facts kept by stamp', () => {
  /** A load that waits for `release` and answers `value` as read at `stamp`. */
  function gated<T>(stamp: string, value: T) {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const calls = { n: 0 };
    const load = async () => {
      calls.n += 1;
      await gate;
      return { stamp, value };
    };
    return { calls, load, release };
  }

  it('works a fact out once for every request waiting on it, keeps it, and again when the stamp moved', async () => {
    const cache = new StampedCache<string>(10);
    const first = gated('s1', 'one');
    const waiting = Array.from({ length: 8 }, () => cache.get('a1', 's1', first.load));
    first.release();
    expect(new Set(await Promise.all(waiting))).toEqual(new Set(['one']));
    expect(first.calls.n).toBe(1);
    expect(await cache.get('a1', 's1', first.load)).toBe('one');
    expect(first.calls.n).toBe(1);
    const second = gated('s2', 'two');
    second.release();
    expect(await cache.get('a1', 's2', second.load)).toBe('two');
    expect(await cache.get('a1', 's2', first.load)).toBe('two');
    expect(cache.stats()).toEqual({ loads: 2, kept: 1 });
  });

  it('keeps the newer of two loads whatever order they end in, under the stamp each read', async () => {
    const cache = new StampedCache<string>(10);
    const older = gated('s1', 'old');
    const newer = gated('s2', 'new');
    const a = cache.get('a1', 's1', older.load);
    const b = cache.get('a1', 's2', newer.load);
    newer.release();
    expect(await b).toBe('new');
    older.release();
    expect(await a).toBe('old');
    const never = async () => ({ stamp: 'x', value: 'read again' });
    expect(await cache.get('a1', 's2', never)).toBe('new');
    // A load asked at one stamp that read a newer one is kept under the newer.
    const moved = gated('s4', 'four');
    moved.release();
    expect(await cache.get('a1', 's3', moved.load)).toBe('four');
    expect(await cache.get('a1', 's4', never)).toBe('four');
  });

  it('keeps at most its bound, the least recently used out first, and 0 keeps nothing', async () => {
    const cache = new StampedCache<string>(2);
    const of = (v: string) => async () => ({ stamp: 's', value: v });
    await cache.get('a1', 's', of('1'));
    await cache.get('a2', 's', of('2'));
    await cache.get('a1', 's', of('read again'));
    await cache.get('a3', 's', of('3'));
    expect(await cache.get('a1', 's', of('read again'))).toBe('1');
    expect(await cache.get('a2', 's', of('2 again'))).toBe('2 again');
    const none = new StampedCache<string>(0);
    await none.get('a1', 's', of('1'));
    expect(await none.get('a1', 's', of('1 again'))).toBe('1 again');
    expect(none.stats()).toEqual({ loads: 2, kept: 0 });
  });
});

describe('Accept-Encoding', () => {
  it.each([
    [undefined, 'br', false],
    ['gzip, deflate, br, zstd', 'br', true],
    ['gzip, deflate', 'br', false],
    ['br;q=0, gzip', 'br', false],
    ['br;q=0, gzip', 'gzip', true],
    ['*', 'br', true],
    ['*;q=0', 'gzip', false],
    ['br;q=0, *', 'br', false],
    ['BR; q=0.5', 'br', true],
    ['identity', 'gzip', false],
  ])('%s takes %s: %s', (header, coding, takes) => {
    expect(acceptsEncoding(header, coding)).toBe(takes);
  });
});
