/*
 * Draws every calculator on a page from the declaration its Python module makes (the
 * build puts it in data-declaration, words included), and asks the Python package,
 * running in Pyodide inside one Web Worker, for the answer. No calculation and no
 * wording happens here: this file only draws what Python says and forwards input.
 *
 * The reader's dates travel with them for the whole visit, from one calculator to the
 * next, and in the page's link after the "#", which browsers never send to a server.
 * They are kept on the device only if the reader asks for it.
 */

import { tickable } from "./checklist.js";
import { engine, startEngine } from "./engine.js";
import { MessageBuilder } from "./messages.js";
import { order } from "./store.js";
import { View } from "./view.js";

const assets = new URL("..", document.currentScript.src);

/** Links to another calculator carry the order, for builds without instant navigation. */
document.addEventListener("click", (event) => {
  const link = event.target.closest?.("a[href]");
  if (!link || !order.facts.size || link.hash) return;
  const target = new URL(link.href, location.href);
  if (target.origin === location.origin && /\/calculators\/[a-z-]+(\/|\.html)$/.test(target.pathname)) {
    link.href = `${target.href}${order.fragment()}`;
  }
});

/**
 * A link that leads to a calculator with answers set (Markdown writes
 * `{ data-answers="arrived=no" }`, as a fragment would fail the build's anchor check)
 * carries them in its fragment, which the calculator reads as a shared link's.
 */
function answerLinks() {
  document.querySelectorAll("a[data-answers]").forEach((link) => {
    const target = new URL(link.href, location.href);
    target.hash = link.dataset.answers;
    link.href = target.href;
    link.removeAttribute("data-answers");
  });
}

function mountAll() {
  answerLinks();
  document.querySelectorAll(".msg[data-messages]:not([data-mounted])").forEach((root) => new MessageBuilder(root));
  document.querySelectorAll("[data-checklist]:not([data-mounted])").forEach(tickable);
  engine.views.forEach((view) => view.root.isConnected || engine.views.delete(view));
  const roots = document.querySelectorAll(".calc[data-calculator]:not([data-mounted])");
  if (roots.length === 0) return warmUp();
  startEngine(assets);
  roots.forEach((root) => engine.views.add(new View(root)));
}

/**
 * While the reader reads a guide page, start the engine in the background, so that the
 * calculator they open next answers at once: only once the page has loaded and the
 * browser is idle, never where it asks to save data or reports a slow connection, and
 * not from disk, where the engine would run on the page itself.
 */
function warmUp() {
  const connection = navigator.connection;
  const frugal = connection?.saveData || ["slow-2g", "2g", "3g"].includes(connection?.effectiveType);
  if (engine.worker || frugal || window.calculatorsInlineEngine) return;
  const idle = window.requestIdleCallback ?? ((then) => setTimeout(then, 1000));
  const later = () => idle(() => engine.worker || startEngine(assets), { timeout: 5000 });
  if (document.readyState === "complete") later();
  else window.addEventListener("load", later, { once: true });
}

order.load();
// Material's instant navigation swaps pages without reloading this script, and
// announces each page on document$ (which stays silent on file://). Mounting
// twice is harmless: a mounted calculator is marked and skipped.
window.document$?.subscribe(mountAll);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
else mountAll();
// The page's head shows the no-JavaScript text again unless this script got this far.
window.calculatorsRunning = true;
document.documentElement.classList.add("js");
