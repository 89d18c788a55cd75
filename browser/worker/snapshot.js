/**
 * The build's memory snapshot of the started engine (guide/engine.py), which skips
 * Python's start-up where it comes cheaply; anything wrong with it means a normal start.
 */

import { STALL_MS, assets, at, bytes, fetchOk, home } from "./downloads.js";

const SNAPSHOT = at("calculators.snapshot.gz", assets);
const RUNTIME = "pyodide.asm.wasm.br";
// The snapshot pays where the runtime arrived over the network this fast: the same
// link then brings the snapshot in well under the second or two it saves.
const FAST_MS = 500;
// The optional snapshot is fetched only where it comes fast: it waits less.
const SNAPSHOT_STALL_MS = STALL_MS / 3;

/**
 * Pyodide's private snapshot API, in one place. The snapshot is used only if the
 * browser says nothing against it (Save-Data, a 2G/3G connection), and only if it is
 * already in the browser's cache or the runtime arrived fast over the network.
 */
export const snapshots = {
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

export function withoutSnapshot(error) {
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
export function unpackSnapshot(packed) {
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
