/*
 * The calculator engine: Pyodide and the `calculators` Python package, started
 * as soon as this worker is created and kept for the whole visit. Messages in:
 * {type: "start"} (asks to hear progress, then ready or failed), and
 * {type: "call", id, fn, slug, inputs, today} where fn is a function of
 * calculators.web. Messages out: progress, ready, failed, and
 * {type: "answer", id, answer} with that function's JSON answer.
 *
 * Fast start: the build saves the engine's memory with the calculators already
 * imported (overrides/hooks/engine-snapshot.mjs), which skips most of Python's
 * start-up. It is used only if it holds the very calculators.zip served beside it;
 * anything wrong with it means a normal start instead, never a failure.
 */
const CALLABLE = new Set(["run", "calendar"]);
const assets = new URL("../", import.meta.url);
const pyodideHome = new URL("pyodide/", assets).href;
// The snapshot was made with the package unpacked here too (engine-snapshot.mjs).
const APP_DIR = "/home/pyodide/app";
let progress = "";

function say(message) {
  progress = message;
  postMessage({ type: "progress", message });
}

async function fetchOk(url, options) {
  const response = await fetch(url, options);
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
  return response;
}

const download = async (url, options) => new Uint8Array(await (await fetchOk(url, options)).arrayBuffer());

/**
 * The snapshot's bytes, inflated while they arrive, unless the host already did
 * (by sending the .gz file with Content-Encoding: gzip).
 */
async function downloadSnapshot(url) {
  const reader = (await fetchOk(url)).body.getReader();
  const first = await reader.read();
  const body = new ReadableStream({
    start(controller) {
      if (!first.done) controller.enqueue(first.value);
    },
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
  });
  const gzipped = first.value?.[0] === 0x1f && first.value?.[1] === 0x8b;
  const bytes = await new Response(gzipped ? body.pipeThrough(new DecompressionStream("gzip")) : body).arrayBuffer();
  return new Uint8Array(bytes);
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
    return pyodide;
  } catch (error) {
    console.warn(`The calculator engine is starting normally: its snapshot is unusable (${error?.message ?? error}).`);
    return null;
  }
}

async function start() {
  say("Downloading the calculator engine…");
  const bundle = download(new URL("calculators.zip", assets).href, { cache: "no-cache" });
  const snapshot = snapshotPays() ? downloadSnapshot(new URL("calculators.snapshot.gz", assets).href) : null;
  // Both are started now and awaited later, where a failed download is handled.
  [bundle, snapshot].forEach((download) => download?.catch(() => {}));
  const { loadPyodide } = await import(`${pyodideHome}pyodide.mjs`);
  const pyodide =
    (snapshot && (await startFromSnapshot(loadPyodide, snapshot, bundle))) ??
    (await loadPyodide({ indexURL: pyodideHome }));
  say("Loading the calculators…");
  pyodide.unpackArchive(await bundle, "zip", { extractDir: APP_DIR });
  pyodide.runPython(`
import sys
if ${JSON.stringify(APP_DIR)} not in sys.path:
    sys.path.insert(0, ${JSON.stringify(APP_DIR)})
`);
  return pyodide.pyimport("calculators.web");
}

// The page may create this worker before it listens (from the page's head), so
// "start" repeats the latest progress, then reports how the start ended.
const engine = start();
engine.catch(() => {}); // Reported to the page on "start".

onmessage = async ({ data }) => {
  if (data.type === "start") {
    if (progress) postMessage({ type: "progress", message: progress });
    engine.then(
      () => postMessage({ type: "ready" }),
      (error) => postMessage({ type: "failed", message: String(error?.message ?? error) }),
    );
  } else if (data.type === "call" && CALLABLE.has(data.fn)) {
    const web = await engine;
    const answer = JSON.parse(web[data.fn](data.slug, JSON.stringify(data.inputs), data.today));
    postMessage({ type: "answer", id: data.id, answer });
  }
};
