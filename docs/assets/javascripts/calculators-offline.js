/*
 * The calculator engine for the offline build, opened from disk (file://).
 * Browsers refuse fetches, module imports and module workers there, so this
 * runs Pyodide on the page itself, from classic scripts the build wrote into
 * assets/offline/: the loader, the Emscripten module rewritten as a classic
 * script, and the wasm, standard library and calculators as base64 text.
 * It speaks the same messages as calculators-worker.js.
 */
(() => {
  "use strict";
  const here = document.currentScript.src;
  const APP_DIR = "/home/pyodide/app";

  const load = (file) =>
    new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = new URL(file, here).href;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${file} did not load`));
      document.head.append(script);
    });

  const bytes = (base64) =>
    Uint8Array.fromBase64 ? Uint8Array.fromBase64(base64) : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));

  const blobURL = (base64, type) => URL.createObjectURL(new Blob([bytes(base64)], { type }));

  window.calculatorsInlineEngine = () => {
    // Decoding the engine on the page takes longer than a download by a worker.
    const engine = { onmessage: null, onerror: null, patienceMs: 30_000 };
    const send = (data) => setTimeout(() => engine.onmessage?.({ data }));
    let web = null;
    const ready = (async () => {
      await load("../offline/pyodide.js");
      await load("../offline/pyodide-asm.js");
      await load("../offline/engine-files.js");
      const files = window.calculatorsEngineFiles;
      const pyodide = await window.loadPyodide({
        // The loader fetches indexURL + "pyodide.asm.wasm": after "#" that name is ignored.
        indexURL: `${blobURL(files.wasm, "application/wasm")}#`,
        stdLibURL: blobURL(files.stdlib, "application/zip"),
        lockFileContents: files.lock,
        createPyodideModule: window.calculatorsCreatePyodideModule,
      });
      pyodide.unpackArchive(bytes(files.calculators), "zip", { extractDir: APP_DIR });
      pyodide.runPython(`import sys; sys.path.insert(0, ${JSON.stringify(APP_DIR)})`);
      web = pyodide.pyimport("calculators.web");
    })();
    ready.then(
      () => send({ type: "ready" }),
      (error) => send({ type: "failed", message: String(error?.message ?? error) }),
    );
    engine.postMessage = async (data) => {
      if (data.type !== "call") return;
      try {
        await ready;
        send({ type: "answer", id: data.id, answer: JSON.parse(web.call(JSON.stringify(data))) });
      } catch (error) {
        send({ type: "answer", id: data.id, error: String(error?.message ?? error) });
      }
    };
    return engine;
  };
})();
