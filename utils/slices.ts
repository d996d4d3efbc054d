// Runs a chunked computation (a generator, like the engine's crosscheckSetsSteps) in slices of a
// few tens of milliseconds, giving the event loop a turn between slices so the popup stays
// responsive and can paint what is known so far. A short computation runs in one go.

export interface SliceOptions<S> {
  /** Longest run of steps before the event loop gets a turn, in ms. */
  sliceMs?: number;
  /** The first step is reported after this long, and the next ones at most this often, in ms. */
  progressMs?: number;
  /** Given the latest step at a turn of the event loop, when `progressMs` allows. */
  onStep?: (step: S) => void;
  /** Stops the run at the next turn: the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Gives the event loop a turn (default: a task, so the browser may paint). */
  pause?: () => Promise<void>;
  now?: () => number;
}

export const SLICE_MS = 40;
/** Pages checked faster than this look as they did without streaming: no partial results. */
export const PROGRESS_MS = 250;

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function runInSlices<S, R>(steps: Generator<S, R, void>, options: SliceOptions<S> = {}): Promise<R> {
  const { sliceMs = SLICE_MS, progressMs = PROGRESS_MS, onStep, signal, pause = nextTask, now = () => performance.now() } = options;
  const started = now();
  let sliceStart = started;
  let reported = started;
  for (;;) {
    signal?.throwIfAborted();
    const next = steps.next();
    if (next.done) return next.value;
    const time = now();
    if (time - sliceStart < sliceMs) continue;
    if (onStep && time - reported >= progressMs) {
      reported = time;
      onStep(next.value);
    }
    await pause();
    sliceStart = now();
  }
}
