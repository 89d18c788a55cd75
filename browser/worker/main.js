/*
 * The calculator engine: Pyodide and the `calculators` Python package, started as
 * soon as this worker is created and kept for the whole visit. Messages in:
 * {type: "start"} (asks to hear ready or failed), and {type: "call", id, fn, slug,
 * inputs, today, lang, label}, which calculators.web.call answers. Messages out:
 * ready, failed, and {type: "answer", id, answer}, or {type: "answer", id, error}
 * when the call itself failed, so that every question gets a reply.
 *
 * Every file is asked for at once, so no download waits for the one that names it.
 * The runtime, the standard library (the build's cut of it, already compiled) and the
 * package come in Brotli (brotli.js). On a fast connection, or when the browser
 * already has it, the engine starts from the build's memory snapshot instead
 * (snapshot.js). A download that stalls is given up on (downloads.js).
 *
 * These modules are joined into one module worker, calculators-worker.js, at build
 * (guide/browser.py). The worker asks only its own site for files (at()); a page's
 * <meta> CSP does not reach a worker.
 */

import { unpacked } from "./brotli.js";
import { at, assets, broken, bytes, failure, fetchOk, home, load, needed } from "./downloads.js";
import { snapshots, withoutSnapshot } from "./snapshot.js";

const bridge = needed(load(at("calculators-bridge.js", import.meta.url)).then(() => globalThis.calculatorsBridge));

/**
 * Pyodide asks for its runtime files one after the other (the loader, then the module
 * that names the rest). Ask for all of them now, and answer its requests from these;
 * a file it asks for again (after a snapshot that did not fit) is fetched the same way.
 */
function prefetch() {
  const files = new Map([
    [at("pyodide.asm.wasm"), () => unpacked(at("pyodide.asm.wasm")).then(asRuntime)],
    [at("python_stdlib.zip"), () => unpacked(at("python_stdlib.zip"))],
    // Read whole here (it is small): Pyodide's json() would hide why it did not come.
    [at("pyodide-lock.json"), async () => new Response(await bytes(fetchOk(at("pyodide-lock.json"))))],
  ]);
  const early = new Map([...files].map(([url, get]) => [url, get()]));
  early.forEach((pending) => pending.catch(() => {})); // needed once Pyodide asks for it
  const original = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = at(typeof input === "string" ? input : (input?.url ?? String(input)));
    const pending = early.get(url) ?? files.get(url)?.();
    early.delete(url);
    return pending ? needed(pending) : original(input, init);
  };
  needed(load(at("pyodide.asm.mjs"))); // the loader imports it later: the same module
}

/** Every runtime handed to Pyodide, whose compiling is watched (watchCompile). */
const runtimes = new WeakSet();

/**
 * The runtime as WebAssembly compiles it while it streams, whatever type the host named
 * (many send .wasm as application/octet-stream, which streaming compilation refuses).
 */
function asRuntime(response) {
  const runtime = new Response(response.body, { headers: { "Content-Type": "application/wasm" } });
  runtimes.add(runtime);
  return runtime;
}

/**
 * WebAssembly's own answer on the runtime, which Pyodide only logs. Other modules (the
 * decoder's) are not watched: their caller decides what their failure means.
 */
function watchCompile() {
  const original = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = (source, imports) =>
    original.call(WebAssembly, source, imports).catch(async (error) => {
      if (runtimes.has(await source)) throw failure(`the runtime could not be compiled: ${error?.message ?? error}`);
      throw error;
    });
}

async function start() {
  watchCompile();
  prefetch();
  const bundle = bytes(needed(unpacked(at("calculators.zip", assets), { cache: "no-cache" })));
  bundle.catch(() => {}); // awaited below
  const loader = needed(load(at("pyodide.mjs")));
  const snapshot = await snapshots.choose().catch(withoutSnapshot);
  const { loadPyodide } = await loader;
  const pyodide =
    (snapshot && (await snapshots.restore(loadPyodide, snapshot, bundle))) ??
    (await loadPyodide({ indexURL: home.href }));
  return (await bridge).setup(pyodide, await bundle);
}

// The page may create this worker before it listens (from the page's head), so
// "start" then reports how the start ended.
const engine = Promise.race([broken, start()]);
engine.catch(() => {}); // Reported to the page on "start".

onmessage = async ({ data }) => {
  if (data.type === "start") {
    engine.then(
      () => postMessage({ type: "ready" }),
      (error) => postMessage({ type: "failed", message: String(error?.message ?? error) }),
    );
  } else if (data.type === "call") {
    postMessage(await (await bridge).reply(engine, data));
  }
};
