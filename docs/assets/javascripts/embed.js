/*
 * For host pages that embed our calculators: fits each frame to its content.
 * Accepts only messages from this script's own origin, from one of the frames
 * it knows, and of the documented shape: {type: "aliexpress-guide:resize",
 * calculator: string, height: number}. Everything else is ignored.
 */
(() => {
  "use strict";
  const TYPE = "aliexpress-guide:resize";
  const origin = new URL(document.currentScript.src).origin;
  const frames = () => document.querySelectorAll("iframe[data-aliexpress-guide]");

  window.addEventListener("message", (event) => {
    if (event.origin !== origin) return;
    const data = event.data;
    if (!data || typeof data !== "object" || data.type !== TYPE || typeof data.calculator !== "string") return;
    if (!Number.isFinite(data.height) || data.height < 50 || data.height > 20000) return;
    for (const frame of frames()) {
      if (frame.contentWindow === event.source) frame.style.height = `${Math.ceil(data.height)}px`;
    }
  });
})();
