/// <reference lib="webworker" />
/**
 * ForceAtlas2 in our own module worker (not graphology's `blob:` supervisor, see DESIGN.md). Thin:
 * all behaviour lives in core/layout/session.ts, tested in node.
 */
import type { MainToWorker, WorkerToMain } from '../core/layout/protocol';
import { LayoutSession } from '../core/layout/session';

const scope = self as unknown as DedicatedWorkerGlobalScope;

// A MessageChannel round trip yields to the event loop without setTimeout's 4 ms clamp on nested
// timers, so slices follow each other quickly and pause/stop messages still get in between.
const channel = new MessageChannel();
let pendingTask: (() => void) | null = null;
channel.port1.onmessage = () => {
  const task = pendingTask;
  pendingTask = null;
  task?.();
};

const session = new LayoutSession({
  post(message: WorkerToMain, transfer: ArrayBuffer[]) {
    scope.postMessage(message, transfer);
  },
  yieldThen(task) {
    pendingTask = task;
    channel.port2.postMessage(null);
  },
  now: () => performance.now(),
});

scope.onmessage = (event: MessageEvent<MainToWorker>) => session.handle(event.data);
