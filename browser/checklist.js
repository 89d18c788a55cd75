/** The evidence checklist, ticked on screen. */

import { el } from "./dom.js";
import { EVIDENCE_KEY, TICKS_KEY, order, readSaved, storage } from "./store.js";

/**
 * The evidence checklist, to tick on a phone: how much is collected (in view while
 * scrolling), only the items that fit what happened to the order (each list says whom
 * it is for in data-for), and the ticks kept on the device only if the reader asks (the
 * same choice as for the order).
 */
export function tickable(progress) {
  const words = JSON.parse(progress.dataset.checklist);
  const items = [...document.querySelectorAll(".checklist li")];
  const boxes = items.map((item, index) => {
    const box = el("input", { type: "checkbox", class: "checklist__box" });
    item.replaceChildren(el("label", {}, box, el("span", {}, ...item.childNodes)));
    box.dataset.index = index;
    return box;
  });
  const saved = new Set(readSaved(TICKS_KEY, Array.isArray) ?? []);
  boxes.forEach((box, index) => (box.checked = saved.has(index)));
  const count = el("p", { class: "checklist__count", role: "status" });
  const remember = el("input", { type: "checkbox", id: "checklist-remember", checked: order.remembered });
  const told = words.from_order.find(([, fact, values]) =>
    values.length ? values.includes(order.facts.get(fact)) : order.facts.has(fact),
  );
  const radios = Object.entries(words.situations).map(([value, label]) =>
    el(
      "label",
      { class: "calc__radio" },
      el("input", { type: "radio", name: "checklist-situation", value, checked: value === (told?.[0] ?? "all") }),
      ` ${label}`,
    ),
  );
  const showing = el("p", { class: "calc__help", id: "checklist-showing" }, words.showing);
  const situation = el(
    "fieldset",
    { class: "calc__field calc__field--choices", "aria-describedby": "checklist-showing" },
    el("legend", {}, words.situation),
    el("div", { class: "calc__radios" }, radios),
    showing,
  );
  const chosen = () => situation.querySelector("input:checked")?.value ?? "all";
  const fits = (item) => {
    const wanted = item.closest("[data-for]")?.dataset.for.split(" ");
    return chosen() === "all" || !wanted || wanted.includes(chosen());
  };
  const keep = () => {
    items.forEach((item) => item.classList.toggle("checklist__aside", !fits(item)));
    document.querySelectorAll(".md-typeset h2").forEach((heading) => {
      const lists = [];
      for (let next = heading.nextElementSibling; next && next.tagName !== "H2"; next = next.nextElementSibling)
        if (next.matches(".checklist")) lists.push(...next.querySelectorAll("li"));
      heading.classList.toggle("checklist__aside", lists.length > 0 && !lists.some(fits));
    });
    const shown = boxes.filter((box) => fits(box.closest("li")));
    const ticked = boxes.filter((box) => box.checked);
    const collected = ticked.map((box) => box.closest("li").textContent.trim().replace(/\s+/g, " "));
    count.textContent = words.count
      .replace("{done}", shown.filter((box) => box.checked).length)
      .replace("{total}", shown.length);
    showing.hidden = chosen() === "all";
    if (order.remembered)
      storage((store) => {
        store.setItem(TICKS_KEY, JSON.stringify(ticked.map((box) => Number(box.dataset.index))));
        store.setItem(EVIDENCE_KEY, JSON.stringify(collected));
      });
    else storage((store) => [TICKS_KEY, EVIDENCE_KEY].forEach((key) => store.removeItem(key)));
  };
  boxes.forEach((box) => box.addEventListener("change", keep));
  situation.addEventListener("change", keep);
  remember.addEventListener("change", () => {
    order.remember(remember.checked);
    keep();
  });
  progress.replaceChildren(
    situation,
    el("p", { class: "calc__remember" }, el("label", {}, remember, ` ${words.remember}`)),
    el("p", { class: "calc__privacy" }, words.privacy),
  );
  progress.before(count);
  progress.dataset.mounted = "true";
  keep();
}
