// runInSlices: a chunked computation runs in slices with a turn of the event loop between them;
// steps are reported only once it has run a while, and a run can be stopped.
import { describe, expect, it } from 'vitest';
import { runInSlices } from '@/utils/slices';

/** Steps 1…n, each taking `cost` ms of a fake clock; returns 'done'. */
function* steps(n: number, clock: { now: number }, cost: number): Generator<number, string, void> {
  for (let i = 1; i <= n; i++) {
    clock.now += cost;
    if (i < n) yield i;
  }
  return 'done';
}

function run(n: number, cost: number, options: { sliceMs?: number; progressMs?: number; signal?: AbortSignal } = {}) {
  const clock = { now: 0 };
  const pauses: number[] = [];
  const reported: number[] = [];
  const result = runInSlices(steps(n, clock, cost), {
    ...options,
    now: () => clock.now,
    pause: async () => {
      pauses.push(clock.now);
    },
    onStep: (step) => reported.push(step),
  });
  return { result, pauses, reported };
}

describe('runInSlices', () => {
  it.each([
    // a short page: one slice, no pause, nothing partial
    { name: 'short', n: 5, cost: 5, pauses: 0, reported: [] as number[] },
    // slices of 40 ms; the first partial result after 250 ms, then every 250 ms at most
    { name: 'long', n: 40, cost: 10, pauses: 9, reported: [28] },
    { name: 'longer', n: 120, cost: 10, pauses: 29, reported: [28, 56, 84, 112] },
  ])('$name: $n steps of $cost ms', async ({ n, cost, pauses, reported }) => {
    const r = run(n, cost);
    await expect(r.result).resolves.toBe('done');
    expect(r.pauses).toHaveLength(pauses);
    expect(r.reported).toEqual(reported);
    // no slice runs much past 40 ms
    for (const [i, at] of r.pauses.entries()) expect(at - (r.pauses[i - 1] ?? 0)).toBeLessThanOrEqual(40 + cost);
  });

  it('reports every slice when asked to', async () => {
    const r = run(10, 10, { sliceMs: 20, progressMs: 0 });
    await r.result;
    expect(r.reported).toEqual([2, 4, 6, 8]);
  });

  it('stops at the next turn once aborted', async () => {
    const controller = new AbortController();
    const clock = { now: 0 };
    let taken = 0;
    const result = runInSlices(steps(1_000, clock, 10), {
      now: () => clock.now,
      pause: async () => {
        taken++;
        controller.abort(new Error('superseded'));
      },
      signal: controller.signal,
    });
    await expect(result).rejects.toThrow('superseded');
    expect(taken).toBe(1);
    expect(clock.now).toBeLessThanOrEqual(50);
  });
});
