/*
 * Runs inside an embedded calculator (embed/<calculator>/). Picks the colour
 * scheme (?theme=light|dark, else the reader's system setting) and tells the
 * host page how tall the content is, so its frame can fit it. The message
 * carries a height and the calculator's name, nothing about the reader.
 */
(() => {
  "use strict";
  const TYPE = "aliexpress-guide:resize";
  const requested = new URLSearchParams(location.search).get("theme");
  const system = matchMedia("(prefers-color-scheme: dark)");
  const scheme = () => {
    const dark = requested ? requested === "dark" : system.matches;
    document.body.setAttribute("data-md-color-scheme", dark ? "slate" : "default");
  };
  scheme();
  if (!requested) system.addEventListener("change", scheme);

  // The rules table starts open for frames that cannot run scripts; here it can fold away.
  document.querySelectorAll("details.calc__rules").forEach((details) => details.removeAttribute("open"));

  const content = document.querySelector(".md-content__inner");
  const calculator = location.pathname.split("/").filter(Boolean).pop();
  let reported = 0;
  const report = () => {
    const bottom = content.getBoundingClientRect().bottom + window.scrollY;
    const height = Math.ceil(bottom + parseFloat(getComputedStyle(content).marginBottom));
    if (height === reported || window.parent === window) return;
    reported = height;
    window.parent.postMessage({ type: TYPE, calculator, height }, "*");
  };
  new ResizeObserver(report).observe(content);
  report();
})();
