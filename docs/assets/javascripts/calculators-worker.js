/*
 * The calculator engine: Pyodide and the `calculators` Python package, started
 * as soon as this worker is created and kept for the whole visit. Messages in:
 * {type: "start"} (asks to hear ready or failed), and {type: "call", id, fn, slug,
 * inputs, today, lang, label}, which calculators.web.call answers. Messages out:
 * ready, failed, and {type: "answer", id, answer}, or {type: "answer", id, error}
 * when the call itself failed, so that every question gets a reply.
 *
 * Fast start: the build saves the engine's memory with the calculators already
 * imported (overrides/hooks/engine-snapshot.mjs), which skips most of Python's
 * start-up. It is used only if it holds the very calculators.zip served beside it;
 * anything wrong with it means a normal start instead, never a failure.
 */
const assets = new URL("../", import.meta.url);
const pyodideHome = new URL("pyodide/", assets).href;
// The snapshot was made with the package unpacked here too (engine-snapshot.mjs).
const APP_DIR = "/home/pyodide/app";
// The snapshot saves about two seconds of start-up on a desktop (more on a phone);
// one that would take longer than this to arrive costs more than it saves. Its pace
// is judged once the first second has shown the connection's speed.
const SNAPSHOT_BUDGET_MS = 3000;
const SNAPSHOT_JUDGED_AFTER_MS = 1000;
async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
  return response;
}

const download = async (url, options) => new Uint8Array(await (await fetchOk(url, options)).arrayBuffer());

/**
 * The snapshot's bytes, inflated while they arrive (unless the host already did,
 * by sending the .gz file with Content-Encoding: gzip). On a connection too slow
 * for it to arrive within SNAPSHOT_BUDGET_MS, the download is abandoned early:
 * waiting for it would cost more than the start-up it saves.
 */
async function downloadSnapshot(url) {
  const asked = performance.now();
  const stop = new AbortController();
  const response = await fetchOk(url, { signal: stop.signal });
  const size = Number(response.headers.get("Content-Length")) || 0;
  const reader = response.body.getReader();
  let received = 0;
  const read = async () => {
    const chunk = await reader.read();
    received += chunk.value?.byteLength ?? 0;
    return chunk;
  };
  const watch = setInterval(() => {
    const elapsed = performance.now() - asked;
    const projected = (elapsed * size) / Math.max(received, 1);
    if (elapsed < SNAPSHOT_JUDGED_AFTER_MS || !size || projected <= SNAPSHOT_BUDGET_MS) return;
    const got = `${Math.round((100 * received) / size)}% in ${Math.round(elapsed)} ms`;
    stop.abort(new TooSlow(`the connection is too slow for it to pay (${got})`));
  }, 250);
  try {
    const first = await read();
    const body = new ReadableStream({
      start(controller) {
        if (!first.done) controller.enqueue(first.value);
      },
      async pull(controller) {
        const { done, value } = await read();
        if (done) controller.close();
        else controller.enqueue(value);
      },
    });
    const gzipped = first.value?.[0] === 0x1f && first.value?.[1] === 0x8b;
    const inflated = gzipped ? body.pipeThrough(new DecompressionStream("gzip")) : body;
    return unpackSnapshot(new Uint8Array(await new Response(inflated).arrayBuffer()));
  } catch (error) {
    throw stop.signal.aborted ? stop.signal.reason : error;
  } finally {
    clearInterval(watch);
  }
}

class TooSlow extends Error {}

/** The engine's memory from the build's packing of it (engine.py, pack_snapshot). */
function unpackSnapshot(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const magic = String.fromCharCode(...packed.subarray(0, 4));
  if (magic !== "SPRS") throw new Error("it is not a packed snapshot");
  const [size, page, count] = [4, 8, 12].map((at) => view.getUint32(at, true));
  const memory = new Uint8Array(size);
  let from = 16 + 4 * count;
  for (let k = 0; k < count; k++) {
    const at = view.getUint32(16 + 4 * k, true) * page;
    const length = Math.min(page, size - at);
    memory.set(packed.subarray(from, from + length), at);
    from += length;
  }
  if (from !== packed.length) throw new Error("it is cut short or has bytes to spare");
  return memory;
}

/**
 * After a start without the snapshot for want of speed, fetch it at leisure into
 * the browser's cache, so the reader's next visit starts from it.
 */
async function keepForNextVisit(url) {
  const response = await fetch(url);
  await response.body?.pipeTo(new WritableStream());
}

/**
 * The snapshot adds a download of several megabytes to save a few seconds of work;
 * where the browser says data is metered or the connection slow, start normally.
 */
function snapshotPays() {
  const connection = navigator.connection;
  return !connection?.saveData && !["slow-2g", "2g", "3g"].includes(connection?.effectiveType);
}

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

async function startFromSnapshot(loadPyodide, snapshot, bundle) {
  try {
    const pyodide = await loadPyodide({ indexURL: pyodideHome, _loadSnapshot: snapshot });
    if (pyodide.globals.get("calculators_zip_sha256") !== (await sha256(await bundle))) {
      throw new Error("it holds other calculators than this site's calculators.zip");
    }
    // Pyodide keeps its options for the whole visit; the 31 MB restored from need not.
    pyodide._api.config._loadSnapshot = null;
    return pyodide;
  } catch (error) {
    const reason = error?.message ?? error;
    console.warn(`The calculator engine is starting normally, without its snapshot: ${reason}.`);
    return null;
  }
}

async function start() {
  const bundle = download(new URL("calculators.zip", assets).href, { cache: "no-cache" });
  const snapshotURL = new URL("calculators.snapshot.gz", assets).href;
  const snapshot = snapshotPays() ? downloadSnapshot(snapshotURL) : null;
  // Both are started now and awaited later, where a failed download is handled.
  [bundle, snapshot].forEach((pending) => pending?.catch(() => {}));
  const { loadPyodide } = await import(`${pyodideHome}pyodide.mjs`);
  const pyodide =
    (snapshot && (await startFromSnapshot(loadPyodide, snapshot, bundle))) ??
    (await loadPyodide({ indexURL: pyodideHome }));
  pyodide.unpackArchive(await bundle, "zip", { extractDir: APP_DIR });
  pyodide.runPython(`
import sys
if ${JSON.stringify(APP_DIR)} not in sys.path:
    sys.path.insert(0, ${JSON.stringify(APP_DIR)})
`);
  const web = pyodide.pyimport("calculators.web");
  snapshot?.catch((error) => error instanceof TooSlow && keepForNextVisit(snapshotURL).catch(() => {}));
  return web;
}

// The page may create this worker before it listens (from the page's head), so
// "start" then reports how the start ended.
const engine = start();
engine.catch(() => {}); // Reported to the page on "start".

onmessage = async ({ data }) => {
  if (data.type === "start") {
    engine.then(
      () => postMessage({ type: "ready" }),
      (error) => postMessage({ type: "failed", message: String(error?.message ?? error) }),
    );
  } else if (data.type === "call") {
    try {
      const web = await engine;
      postMessage({ type: "answer", id: data.id, answer: JSON.parse(web.call(JSON.stringify(data))) });
    } catch (error) {
      postMessage({ type: "answer", id: data.id, error: String(error?.message ?? error) });
    }
  }
};
