/** The message builder on the templates page. */

import { longDate, typedDates } from "./dates.js";
import { copyText, el } from "./dom.js";
import { order } from "./store.js";

/**
 * The message builder (templates page): the reader picks what to write, fills in what
 * they know, and copies the message. Dates come from the order the calculators know.
 */
export class MessageBuilder {
  constructor(root) {
    const declared = JSON.parse(root.dataset.messages);
    Object.assign(this, { root, ui: declared.ui, templates: declared.templates, typed: new Map() });
    this.dates = typedDates(this.ui.dates.typed);
    declared.facts.forEach((name) => order.known.add(name));
    this.blanks = new Map(declared.blanks.map((blank) => [blank.name, blank]));
    const linked = order.fromFragment(location.hash);
    if (linked.length) order.replace(linked);
    const wanted = this.templates.find((template) => `#${template.key}` === location.hash);
    this.draw(wanted ?? this.templates[0]);
    if (wanted) this.root.scrollIntoView();
  }

  draw(first) {
    this.choice = el(
      "select",
      { id: "msg-situation", class: "msg__choice" },
      this.templates.map((template) => el("option", { value: template.key }, template.title)),
    );
    this.choice.value = first.key;
    this.choice.addEventListener("change", () => this.show());
    this.when = el("p", { class: "calc__help", id: "msg-situation-help" });
    this.choice.setAttribute("aria-describedby", "msg-situation-help");
    this.fields = el("div", { class: "msg__fields" });
    this.text = el("div", {
      class: "msg__text",
      id: "msg-text",
      tabIndex: 0,
      role: "textbox",
      "aria-readonly": "true",
      "aria-labelledby": "msg-text-label",
    });
    const copy = el("button", { type: "button", class: "md-button md-button--primary msg__copy" }, this.ui.copy);
    const said = el("p", { class: "msg__said", role: "status" });
    this.gaps = el("p", { class: "msg__gaps", id: "msg-gaps" });
    copy.setAttribute("aria-describedby", "msg-gaps");
    copy.addEventListener("click", async () => {
      const left = this.text.querySelectorAll(".msg__gap").length;
      if (!(await copyText(this.text.textContent, this.text))) said.textContent = this.ui.copy_by_hand;
      else said.textContent = left ? this.ui.copied_gaps[left] : this.ui.copied;
    });
    this.root.replaceChildren(
      el(
        "div",
        { class: "calc__field" },
        el("label", { htmlFor: "msg-situation" }, this.ui.situation),
        this.when,
        this.choice,
      ),
      el("p", { class: "calc__help" }, this.ui.blanks),
      this.fields,
      el("p", { class: "msg__label", id: "msg-text-label" }, this.ui.message),
      this.text,
      this.gaps,
      copy,
      said,
    );
    this.root.dataset.mounted = "true";
    this.show();
  }

  template() {
    return this.templates.find((template) => template.key === this.choice.value);
  }

  show() {
    const template = this.template();
    // The chosen title in full: a phone's closed list cuts it after a few words.
    this.when.replaceChildren(el("strong", {}, template.title), " ", template.when);
    this.fields.replaceChildren(...template.blanks.map((name) => this.field(this.blanks.get(name))));
    this.write();
  }

  field(blank) {
    const id = `msg-${blank.name}`;
    const date = blank.kind === "date";
    const known = date ? this.dates.show(order.facts.get(blank.name) ?? "") : "";
    const value = this.typed.get(blank.name) ?? known;
    const control =
      blank.kind === "long"
        ? el("textarea", { id, rows: 3, value })
        : el("input", {
            id,
            type: "text",
            value,
            ...(date && { class: "calc__day", autocomplete: "off", "aria-describedby": `${id}-hint` }),
          });
    control.addEventListener("input", () => {
      this.typed.set(blank.name, control.value);
      const iso = date && this.dates.read(control.value);
      if (iso && order.known.has(blank.name)) order.set(blank.name, iso);
      this.write();
    });
    const hint = date && el("p", { class: "calc__help", id: `${id}-hint` }, this.ui.dates.hint);
    return el("div", { class: "calc__field" }, el("label", { htmlFor: id }, blank.label), hint, control);
  }

  /** The message with what the reader gave; each gap left is marked, and counted. */
  write() {
    const pieces = this.template().text.split(/\{(\w+)\}/);
    let left = 0;
    this.text.replaceChildren(
      ...pieces.map((piece, index) => {
        if (index % 2 === 0) return piece;
        const text = this.fields.querySelector(`#msg-${piece}`)?.value.trim() ?? "";
        if (!text) {
          left += 1;
          return el("mark", { class: "msg__gap" }, `[${this.blanks.get(piece).label}]`);
        }
        const iso = this.blanks.get(piece).kind === "date" && this.dates.read(text);
        return iso ? longDate(iso, this.ui.first_day) : text;
      }),
    );
    this.gaps.textContent = left ? this.ui.left[left] : this.ui.filled;
  }
}
