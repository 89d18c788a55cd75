/*
 * The calculator engine for the offline build, opened from disk (file://).
 * Browsers refuse fetches, module imports and module workers there, so this
 * runs Pyodide on the page itself, from classic scripts the build wrote into
 * assets/offline/: the loader, the Emscripten module rewritten as a classic
 * script, and the wasm, standard library and calculators as base64 text.
 * It speaks the same messages as the engine's worker (browser/worker/main.js).
 */
(() => {
  "use strict";
  const here = document.currentScript.src;

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
    const bridge = load("../javascripts/calculators-bridge.js").then(() => window.calculatorsBridge);
    const ready = (async () => {
      await bridge;
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
      return (await bridge).setup(pyodide, bytes(files.calculators));
    })();
    ready.then(
      () => send({ type: "ready" }),
      (error) => send({ type: "failed", message: String(error?.message ?? error) }),
    );
    engine.postMessage = async (data) => {
      if (data.type === "call") send(await (await bridge).reply(ready, data));
    };
    return engine;
  };
})();
