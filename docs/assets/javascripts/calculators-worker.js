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
 * package come in Brotli (hooks/engine-build.mjs). On a fast connection, or when the
 * browser already has it, the engine starts from the build's memory snapshot instead,
 * which skips Python's start-up; anything wrong with it means a normal start.
 */
const assets = new URL("../", import.meta.url);
const home = new URL("pyodide/", assets);
const at = (name, base = home) => new URL(name, base).href;
const SNAPSHOT = at("calculators.snapshot.gz", assets);
const RUNTIME = "pyodide.asm.wasm.br";
// The snapshot pays where the runtime arrived over the network this fast: the same
// link then brings the snapshot in well under the second or two it saves.
const FAST_MS = 500;
// The browser's own fetch, for requests that must not be answered from prefetch().
const network = globalThis.fetch.bind(globalThis);

const bridge = import("./calculators-bridge.js").then(() => globalThis.calculatorsBridge);

async function fetchOk(url, options) {
  const response = await network(url, options);
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
  return response;
}

const fileName = (url) => new URL(url).pathname.split("/").pop();

const bytes = async (response) => new Uint8Array(await (await response).arrayBuffer());

/**
 * Pyodide asks for its runtime files one after the other (the loader, then the module
 * that names the rest). Ask for all of them now, and answer its requests from these.
 */
function prefetch() {
  const early = new Map([
    [at("pyodide.asm.wasm"), unpacked(at("pyodide.asm.wasm")).then(asWasm)],
    [at("python_stdlib.zip"), unpacked(at("python_stdlib.zip"))],
    [at("pyodide-lock.json"), fetch(at("pyodide-lock.json"))],
  ]);
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    const url = new URL(typeof input === "string" ? input : (input?.url ?? String(input)), home).href;
    const pending = early.get(url);
    early.delete(url);
    return pending ?? original(input, init);
  };
  import(at("pyodide.asm.mjs")).catch(() => {}); // the loader imports it later: same module
}

/** The Brotli decoder, loaded once for every packed file (rejected if it cannot load). */
const decoder = import(at("brotli_dec_wasm.js")).then(async (module) => {
  await module.default();
  return module;
});
decoder.catch(() => {}); // awaited in unpacked()

/**
 * The file at ``url``, from the build's Brotli copy beside it (a fifth to two fifths
 * smaller than gzip or a deflated zip), unpacked as it arrives, so that WebAssembly
 * still compiles the runtime while it downloads. A missing copy or decoder means the
 * plain file instead; a damaged or cut copy fails as it is read, which the page
 * reports like any broken engine file.
 */
async function unpacked(url, options) {
  const drop = new AbortController(); // the Brotli download, once the plain file is needed
  try {
    const packed = await fetchOk(`${url}.br`, options);
    // One branch is read at the network's pace, whatever the decoder's: the download's
    // timing then tells how fast the link is (the snapshot's choice), not how busy the CPU.
    const [body, paced] = packed.body.tee();
    paced.pipeTo(new WritableStream(), { signal: drop.signal }).catch(() => {});
    drop.signal.addEventListener("abort", () => body.cancel().catch(() => {}));
    return new Response(body.pipeThrough(unpacking(await decoder, url)));
  } catch (error) {
    drop.abort();
    console.warn(`The calculator engine is fetching the plain ${fileName(url)}: ${error?.message ?? error}.`);
    return fetchOk(url, options);
  }
}

// Output per call to the decoder: 64 kB decodes the runtime in 60% of the time 1 MB takes.
const OUTPUT_BYTES = 1 << 16;

/** A stream that unpacks Brotli with ``decoder``, failing on a damaged or cut stream. */
function unpacking(decoder, url) {
  const { NeedsMoreInput, NeedsMoreOutput, ResultSuccess } = decoder.BrotliStreamResultCode;
  const stream = new decoder.DecompressStream();
  const name = `${fileName(url)}.br`;
  let code = NeedsMoreInput;
  return new TransformStream({
    transform(chunk, output) {
      for (let offset = 0; ;) {
        const result = stream.decompress(chunk.subarray(offset), OUTPUT_BYTES);
        output.enqueue(result.buf);
        offset += result.input_offset;
        code = result.code;
        if (code !== NeedsMoreOutput) break;
      }
      if (code !== NeedsMoreInput && code !== ResultSuccess) throw failure(`${name} is damaged (${code})`);
    },
    flush() {
      if (code !== ResultSuccess) throw failure(`${name} is cut short`);
    },
  });
}

/** The runtime as WebAssembly compiles it while it streams, whatever type the host named. */
const asWasm = (response) => new Response(response.body, { headers: { "Content-Type": "application/wasm" } });

/**
 * Pyodide's private snapshot API, in one place. The snapshot is used only if the
 * browser says nothing against it (Save-Data, a 2G/3G connection), and only if it is
 * already in the browser's cache or the runtime arrived fast over the network.
 */
const snapshots = {
  async choose() {
    const connection = navigator.connection;
    if (connection?.saveData || ["slow-2g", "2g", "3g"].includes(connection?.effectiveType)) return null;
    const cached = await fetch(SNAPSHOT, { cache: "only-if-cached", mode: "same-origin" }).catch(() => null);
    if (cached?.ok) return cached;
    const wasm = await arrival(at(RUNTIME), FAST_MS);
    return wasm && wasm.transferSize > 0 ? fetchOk(SNAPSHOT) : null;
  },

  async restore(loadPyodide, response, bundle) {
    try {
      const memory = unpackSnapshot(await inflate(await response));
      const pyodide = await loadPyodide({ indexURL: home.href, _loadSnapshot: memory });
      if (pyodide.globals.get("calculators_zip_sha256") !== (await sha256(await bundle))) {
        throw new Error("it holds other calculators than this site's calculators.zip");
      }
      // Pyodide keeps its options for the whole visit; the memory restored from need not.
      if (pyodide._api?.config) pyodide._api.config._loadSnapshot = null;
      return pyodide;
    } catch (error) {
      return withoutSnapshot(error);
    }
  },
};

function withoutSnapshot(error) {
  console.warn(`The calculator engine is starting normally, without its snapshot: ${error?.message ?? error}.`);
  return null;
}

/** The resource timing of ``url`` once it has arrived, or null after ``within`` ms. */
function arrival(url, within) {
  return new Promise((resolve) => {
    const done = (entry) => {
      observer.disconnect();
      clearTimeout(timer);
      resolve(entry);
    };
    const observer = new PerformanceObserver((list) => {
      const entry = list.getEntriesByName(url)[0];
      if (entry) done(entry);
    });
    observer.observe({ type: "resource", buffered: true });
    const timer = setTimeout(() => done(null), within);
  });
}

/** The snapshot's bytes, inflated (unless the host already did, sending it gzip-encoded). */
async function inflate(response) {
  const packed = await bytes(response);
  if (packed[0] !== 0x1f || packed[1] !== 0x8b) return packed;
  return bytes(new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"))));
}

/** The engine's memory from the build's packing of it (engine.py, pack_snapshot). */
function unpackSnapshot(packed) {
  const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  const magic = String.fromCharCode(...packed.subarray(0, 4));
  if (magic !== "SPRS") throw new Error("it is not a packed snapshot");
  const [size, page, count] = [4, 8, 12].map((offset) => view.getUint32(offset, true));
  const memory = new Uint8Array(size);
  let from = 16 + 4 * count;
  for (let k = 0; k < count; k++) {
    const offset = view.getUint32(16 + 4 * k, true) * page;
    const length = Math.min(page, size - offset);
    memory.set(packed.subarray(from, from + length), offset);
    from += length;
  }
  if (from !== packed.length) throw new Error("it is cut short or has bytes to spare");
  return memory;
}

async function sha256(data) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", data));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/**
 * Pyodide only logs an engine file it cannot use: after a runtime that does not compile
 * it waits forever, and a standard library cut on the way fails only once Python starts,
 * after the whole runtime has arrived. Such failures reject this instead, and the start
 * races it, so that they are reported as soon as they happen.
 */
let fail;
const broken = new Promise((_, reject) => {
  fail = reject;
});
broken.catch(() => {}); // raced in start()

/** ``message`` as an error, which also fails the start. */
function failure(message) {
  const error = new Error(message);
  fail(error);
  return error;
}

/** WebAssembly's own answer on the runtime, which Pyodide only logs. */
function watchCompile() {
  for (const name of ["instantiateStreaming", "instantiate"]) {
    const original = WebAssembly[name];
    if (typeof original !== "function") continue;
    WebAssembly[name] = (...args) =>
      original.apply(WebAssembly, args).catch((error) => {
        throw failure(`the runtime could not be compiled: ${error?.message ?? error}`);
      });
  }
}

async function start() {
  watchCompile();
  prefetch();
  const bundle = bytes(unpacked(at("calculators.zip", assets), { cache: "no-cache" }));
  bundle.catch(() => {}); // awaited below, where a failed download is reported
  const loader = import(at("pyodide.mjs"));
  const snapshot = await snapshots.choose().catch(withoutSnapshot);
  const { loadPyodide } = await loader;
  const pyodide = await Promise.race([
    broken,
    (async () =>
      (snapshot && (await snapshots.restore(loadPyodide, snapshot, bundle))) ??
      (await loadPyodide({ indexURL: home.href })))(),
  ]);
  return (await bridge).setup(pyodide, await bundle);
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
    postMessage(await (await bridge).reply(engine, data));
  }
};
