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
 * package come in Brotli (guide/engine-build.mjs). On a fast connection, or when the
 * browser already has it, the engine starts from the build's memory snapshot instead,
 * which skips Python's start-up; anything wrong with it means a normal start.
 *
 * A download that stalls is given up on: a Brotli copy's rest comes from the plain file,
 * any other file fails the start, and the snapshot means a normal start. The worker asks
 * only its own site for files (at()); a page's <meta> CSP does not reach a worker.
 */
const assets = new URL("../", import.meta.url);
const home = new URL("pyodide/", assets);
const SNAPSHOT = at("calculators.snapshot.gz", assets);
const RUNTIME = "pyodide.asm.wasm.br";
// The snapshot pays where the runtime arrived over the network this fast: the same
// link then brings the snapshot in well under the second or two it saves.
const FAST_MS = 500;
// A download that waits this long for its next bytes has stalled (a phone that lost its
// signal): it is given up on. Tests shorten it with the worker's address, ?stall-ms=.
const STALL_MS = Number(new URL(import.meta.url).searchParams.get("stall-ms")) || 15_000;
// The optional snapshot is fetched only where it comes fast: it waits less.
const SNAPSHOT_STALL_MS = STALL_MS / 3;
// The browser's own fetch, for requests that must not be answered from prefetch().
const network = globalThis.fetch.bind(globalThis);

/**
 * ``name`` beside ``base``, as an address on this site's origin, never another: every
 * file the worker asks for, Pyodide's requests included, comes through here.
 */
function at(name, base = home) {
  const url = new URL(name, base);
  if (url.origin !== assets.origin) {
    throw new Error(`the engine fetches only from its own site, not ${url.origin}`);
  }
  return url.href;
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
broken.catch(() => {}); // raced by the engine below

/** An engine file that cannot be used, which fails the start. */
class Failure extends Error {}

/** ``message`` as an error, which also fails the start. */
function failure(message) {
  const error = new Failure(message);
  fail(error);
  return error;
}

/** ``error`` as one that fails the start (once is enough: later ones change nothing). */
const fatal = (error) => (error instanceof Failure ? error : failure(error?.message ?? String(error)));

/** ``promise`` of an engine file the start cannot do without: its failure fails the start. */
function needed(promise) {
  promise.catch(fatal);
  return promise;
}

// When any engine download last made progress.
let progressed = performance.now();

/**
 * ``promise``, or a rejection once it has waited ``limit`` ms for bytes that do not come.
 * A wait that may be queued behind the other engine files (a response not begun yet, a
 * module, whose bytes cannot be watched) is not stalled while they still make progress.
 */
function patiently(promise, name, { queued = false, limit = STALL_MS } = {}) {
  return new Promise((resolve, reject) => {
    const since = performance.now();
    const check = () => {
      const idle = performance.now() - (queued ? Math.max(since, progressed) : since);
      if (idle < limit) timer = setTimeout(check, limit - idle);
      else reject(new Error(`${name} stalled: nothing came for ${+(limit / 1000).toFixed(1)} s`));
    };
    let timer = setTimeout(check, limit);
    promise.then(
      (value) => {
        clearTimeout(timer);
        progressed = performance.now();
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** The module at ``url``, given up on if it stalls. */
const load = (url) => patiently(import(url), fileName(url), { queued: true });

/**
 * ``url`` from the network, refused unless it answers OK, and dropped, rejecting (or
 * erroring its body), when it stalls; ``limit`` is how long it may wait for bytes.
 */
async function fetchOk(url, options, limit = STALL_MS) {
  const name = fileName(url);
  const drop = new AbortController();
  const giveUp = (error) => {
    drop.abort(error);
    throw error;
  };
  const response = await patiently(network(url, { ...options, signal: drop.signal }), name, {
    queued: true,
    limit,
  }).catch(giveUp);
  if (!response.ok) throw new Error(`${new URL(url).pathname} answered ${response.status}`);
  const reader = response.body.getReader();
  const body = new ReadableStream({
    async pull(output) {
      const { done, value } = await patiently(reader.read(), name, { limit }).catch(giveUp);
      if (done) output.close();
      else output.enqueue(value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body, { status: response.status, headers: response.headers });
}

const fileName = (url) => new URL(url).pathname.split("/").pop();

/** All of a response's bytes, read here: the browser's arrayBuffer() hides why a body failed. */
async function bytes(response) {
  const reader = (await response).body.getReader();
  const parts = [];
  for (let part = await reader.read(); !part.done; part = await reader.read()) parts.push(part.value);
  return new Uint8Array(await new Blob(parts).arrayBuffer());
}

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

/** The Brotli decoder, loaded once for every packed file (rejected if it cannot load). */
const decoder = (async () => {
  const module = await load(at("brotli_dec_wasm.js"));
  // Compiled from its bytes rather than as it streams, whatever type the host names it.
  const wasm = await bytes(fetchOk(at("brotli_dec_wasm_bg.wasm")));
  await module.default({ module_or_path: await WebAssembly.compile(wasm) });
  return module;
})();
decoder.catch(() => {}); // awaited in packedCopy()

/**
 * The file at ``url``, from the build's Brotli copy beside it (a fifth to two fifths
 * smaller than gzip or a deflated zip), unpacked as it arrives, so that WebAssembly
 * still compiles the runtime while it downloads. Without the copy or the decoder, or
 * when the copy's download stalls or breaks off, the rest comes from the plain file:
 * what was unpacked so far is its beginning. A damaged or cut copy fails as it is read,
 * which the page reports like any broken engine file.
 */
async function unpacked(url, options) {
  let reader;
  let sent = 0;
  let plain = false;
  const fallBack = async (error) => {
    if (plain || error instanceof Failure) throw error;
    plain = true;
    reader?.cancel().catch(() => {});
    console.warn(`The calculator engine is fetching the plain ${fileName(url)}: ${error?.message ?? error}.`);
    reader = skipped((await fetchOk(url, options)).body, sent).getReader();
  };
  await packedCopy(url, options).then((copy) => {
    reader = copy.getReader();
  }, fallBack);
  const body = new ReadableStream({
    async pull(output) {
      for (;;) {
        try {
          const { done, value } = await reader.read();
          if (done) return output.close();
          sent += value.length;
          return output.enqueue(value);
        } catch (error) {
          await fallBack(error).catch((final) => {
            throw fatal(final);
          });
        }
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return new Response(body);
}

/** The unpacked bytes of ``url``'s Brotli copy (rejected without the copy or the decoder). */
async function packedCopy(url, options) {
  const packed = await fetchOk(`${url}.br`, options);
  // Sent with Content-Encoding: br, the copy was unpacked by the browser already.
  if (/\bbr\b/i.test(packed.headers.get("Content-Encoding") ?? "")) return packed.body;
  // One branch is read at the network's pace, whatever the decoder's: the download's
  // timing then tells how fast the link is (the snapshot's choice), not how busy the CPU.
  const drop = new AbortController(); // the Brotli download, once the plain file is needed
  const [body, paced] = packed.body.tee();
  paced.pipeTo(new WritableStream(), { signal: drop.signal }).catch(() => {});
  try {
    return body.pipeThrough(unpacking(await decoder, url));
  } catch (error) {
    drop.abort();
    body.cancel().catch(() => {});
    throw error;
  }
}

/** ``body`` without its first ``count`` bytes: those the Brotli copy gave already. */
function skipped(body, count) {
  let left = count;
  return body.pipeThrough(
    new TransformStream({
      transform(chunk, output) {
        const skip = Math.min(left, chunk.length);
        left -= skip;
        if (skip < chunk.length) output.enqueue(chunk.subarray(skip));
      },
    }),
  );
}

// Output per call to the decoder: 64 kB decodes the runtime in 60% of the time 1 MB takes.
const OUTPUT_BYTES = 1 << 16;

/** A stream that unpacks Brotli with ``decoder``, failing on a damaged or cut stream. */
function unpacking(decoder, url) {
  const { NeedsMoreInput, NeedsMoreOutput, ResultSuccess } = decoder.BrotliStreamResultCode;
  const stream = new decoder.DecompressStream();
  const name = `${fileName(url)}.br`;
  const decompress = (input) => {
    try {
      return stream.decompress(input, OUTPUT_BYTES);
    } catch (error) {
      throw failure(`${name} is damaged (${error?.message ?? error})`); // not Brotli at all
    }
  };
  let code = NeedsMoreInput;
  return new TransformStream({
    transform(chunk, output) {
      for (let offset = 0; ;) {
        const result = decompress(chunk.subarray(offset));
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
 * Pyodide's private snapshot API, in one place. The snapshot is used only if the
 * browser says nothing against it (Save-Data, a 2G/3G connection), and only if it is
 * already in the browser's cache or the runtime arrived fast over the network.
 */
const snapshots = {
  async choose() {
    const connection = navigator.connection;
    if (connection?.saveData || ["slow-2g", "2g", "3g"].includes(connection?.effectiveType)) return null;
    const cache = { cache: "only-if-cached", mode: "same-origin" };
    const cached = await fetchOk(SNAPSHOT, cache, SNAPSHOT_STALL_MS).catch(() => null);
    if (cached) return cached;
    const wasm = await arrival(at(RUNTIME), FAST_MS);
    return wasm && wasm.transferSize > 0 ? fetchOk(SNAPSHOT, {}, SNAPSHOT_STALL_MS) : null;
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
