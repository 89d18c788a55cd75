/*
 * The one bridge between a page and the Python engine, shared by the web worker
 * (calculators-worker.js) and by the offline build's engine on the page
 * (calculators-offline.js): it unpacks the package, imports calculators.web, and
 * answers each call, so that every question gets a reply. A plain script, so that
 * a module worker can import it and a page opened from disk can load it.
 */
globalThis.calculatorsBridge = {
  // Where the package is unpacked; the build's snapshot was made with it there too.
  APP_DIR: "/home/pyodide/app",

  /** The package's zip, refused plainly when it is not one (a portal's page, a cut file). */
  checkPackage(bytes) {
    if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
      throw new Error("calculators.zip is not a zip archive");
    }
    return bytes;
  },

  /** calculators.web, from the package; a restored snapshot has it imported already. */
  setup(pyodide, bundle) {
    pyodide.unpackArchive(this.checkPackage(bundle), "zip", { extractDir: this.APP_DIR });
    const home = JSON.stringify(this.APP_DIR);
    pyodide.runPython(`import sys\nif ${home} not in sys.path:\n    sys.path.insert(0, ${home})`);
    return pyodide.pyimport("calculators.web");
  },

  /** The reply to a call: its answer, or the error that stopped it (never nothing). */
  async reply(engine, data) {
    try {
      const web = await engine;
      return { type: "answer", id: data.id, answer: JSON.parse(web.call(JSON.stringify(data))) };
    } catch (error) {
      return { type: "answer", id: data.id, error: String(error?.message ?? error) };
    }
  },
};
