/*
 * The page's side of the service worker (written at the site's root by
 * guide/service_worker.py from guide/sw.js): registers it, over http(s) only and never
 * in a frame; tells it what the page loaded, so that it keeps the page and the engine
 * from the browser's cache; draws the "Save the whole guide" box of the offline page,
 * whose words come from the page itself (data-*). Once a new deploy's worker has taken
 * over, the next link or Back makes a full navigation: the new deploy's page, whole.
 */
(() => {
  const script = document.currentScript;
  const supported = "serviceWorker" in navigator && /^https?:$/.test(location.protocol);
  if (!supported || !script?.dataset.sw || window.self !== window.top) return;
  const workers = navigator.serviceWorker;
  workers.register(script.dataset.sw).catch((error) => console.warn(`No offline copy: ${error?.message ?? error}`));

  let stale = false;
  if (workers.controller) workers.addEventListener("controllerchange", () => (stale = true));
  window.addEventListener(
    "click",
    (event) => {
      const link = event.target.closest?.("a[href]");
      if (!stale || !link || link.target || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      if (new URL(link.href).origin !== location.origin) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      location.assign(link.href);
    },
    true,
  );
  window.addEventListener("popstate", () => stale && location.reload());

  /** Sends ``message`` to the active worker; its replies go to ``onReply``. */
  async function ask(message, onReply) {
    const registration = await workers.ready;
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => onReply?.(event.data);
    registration.active?.postMessage(message, [channel.port2]);
  }

  const keep = () =>
    ask({ type: "keep", urls: [location.href, ...performance.getEntriesByType("resource").map((e) => e.name)] });
  window.addEventListener("load", keep);
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && keep());
  // The engine may still be downloading at load: ask again while the reader reads.
  for (const seconds of [5, 15, 45, 120]) setTimeout(keep, seconds * 1000);

  const megabytes = (bytes) =>
    `${new Intl.NumberFormat(document.documentElement.lang || undefined, {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    }).format(bytes / 1e6)} MB`;
  const fill = (text, values) => (text ?? "").replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");

  /** The offline page's box: its size first, then the button that saves the rest. */
  function saveBox() {
    const box = document.querySelector(".guide-save");
    if (!box || box.dataset.drawn) return;
    box.dataset.drawn = "yes";
    const words = box.dataset;
    const size = box.querySelector(".guide-save__size");
    const button = box.querySelector("button");
    const status = box.querySelector(".guide-save__status");
    const show = (state) => {
      size.textContent = fill(words.size, { size: megabytes(state.total) });
      button.textContent = fill(words.button, { size: megabytes(state.missing) });
      if (state.missing === 0) status.textContent = words.saved;
      box.hidden = false;
    };
    ask({ type: "status", page: location.href }, show);
    button.addEventListener("click", () => {
      button.disabled = true;
      ask({ type: "save", page: location.href }, (reply) => {
        if (reply.error) {
          status.textContent = fill(words.failed, { reason: reply.error });
          button.disabled = false;
        } else if (reply.saved) {
          show(reply);
          status.textContent = words.saved;
          button.disabled = false;
        } else {
          status.textContent = fill(words.progress, { done: megabytes(reply.progress), total: megabytes(reply.total) });
        }
      });
    });
  }

  if (window.document$) {
    document$.subscribe(() => {
      saveBox();
      keep();
    });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", saveBox);
  } else {
    saveBox();
  }
})();
