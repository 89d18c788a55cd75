/**
 * The engine: one worker for the whole visit, asked through calculators.web's one entry
 * point; every question to it gets an answer, even when the engine cannot start.
 */

// Pyodide does not always reject when its files fail to load, so after this long
// the reader is told, and pointed to the page's static table meanwhile.
const PATIENCE_MS = 10_000;

export const engine = { worker: null, state: "idle", reason: "", views: new Set(), waiting: new Map(), next: 0 };

/** Start the engine once; ``assets`` is the folder the worker's script is in. */
export function startEngine(assets) {
  if (engine.worker) return;
  setEngine("loading");
  // The offline build, opened from disk, runs the engine on the page instead. A
  // calculator page's head may already have started the worker (partials/engine.html).
  engine.worker =
    window.calculatorsInlineEngine?.() ??
    window.calculatorsWorker ??
    new Worker(new URL("javascripts/calculators-worker.js", assets), { type: "module" });
  engine.worker.onmessage = ({ data }) => {
    if (data.type === "ready") setEngine("ready");
    else if (data.type === "failed") failEngine(data.message);
    else if (data.type === "answer") {
      if (data.error) console.error(`The calculator engine could not answer: ${data.error}`);
      settle(data.id, data.answer ?? { ok: false, error: true, problems: {} });
    }
  };
  engine.worker.onerror = (event) => failEngine(event.message || "the engine's script did not load");
  if (engine.worker.missing) failEngine("the engine's script did not load");
  engine.worker.postMessage({ type: "start" });
  setTimeout(() => engine.state === "loading" && setEngine("slow"), engine.worker.patienceMs ?? PATIENCE_MS);
}

function failEngine(reason) {
  console.error(`The calculator engine failed: ${reason}`);
  setEngine("failed");
  for (const id of [...engine.waiting.keys()]) settle(id, { ok: false, failed: true, problems: {} });
}

function setEngine(state) {
  engine.state = state;
  engine.views.forEach((view) => view.showEngine());
}

function settle(id, answer) {
  engine.waiting.get(id)?.(answer);
  engine.waiting.delete(id);
}

/** Call a function of calculators.web in the worker; always settles, with its JSON answer. */
export function ask(fn, slug, inputs, extra = {}) {
  if (engine.state === "failed") return Promise.resolve({ ok: false, failed: true, problems: {} });
  const id = ++engine.next;
  const lang = document.documentElement.lang || "en";
  engine.worker.postMessage({ type: "call", id, fn, slug, inputs, today: localToday(), lang, ...extra });
  return new Promise((resolve) => engine.waiting.set(id, resolve));
}

function localToday() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
