/** The calculator's questions: fields drawn from the declaration, answers and problems. */

import { el } from "./dom.js";
import { order } from "./store.js";
/**
 * Python's ``Input.applies`` on a declared ``shown_if``: true or false once the other
 * answer is given, null while it is not (a test holds both to the same cases).
 */
export function askedFor(condition, given) {
  if (!condition) return true;
  if (given === "") return null;
  return condition.values.length === 0 || condition.values.includes(given);
}

export const asking = {
  field(input) {
    const id = `calc-${this.slug}-${input.name}`;
    const date = input.kind === "date";
    const help = el("p", { class: "calc__help", id: `${id}-help` }, input.help);
    const hint = date && el("p", { class: "calc__help calc__hint", id: `${id}-hint` }, this.ui.dates.hint);
    const error = el("p", { class: "calc__error", id: `${id}-error`, hidden: true });
    const described = `${id}-error ${id}-help${date ? ` ${id}-hint` : ""}`;
    const optional = !input.required && el("span", { class: "calc__optional" }, ` ${this.ui.optional}`);
    let wrapper;
    let control;
    if (input.kind === "choice" && input.choices.length <= 4) {
      const radios = input.choices.map((choice) =>
        el(
          "label",
          { class: "calc__radio" },
          el("input", { type: "radio", name: input.name, value: choice.value }),
          ` ${choice.label}`,
        ),
      );
      control = { radios: radios.map((label) => label.firstChild) };
      wrapper = el(
        "fieldset",
        { class: "calc__field calc__field--choices", "aria-describedby": described, id },
        el("legend", {}, input.label, optional),
        help,
        error,
        el("div", { class: "calc__radios" }, radios),
      );
    } else {
      control = this.control(input, id, described);
      wrapper = el(
        "div",
        { class: `calc__field calc__field--${input.kind}` },
        el("label", { htmlFor: id }, input.label, optional),
        help,
        hint,
        error,
        control,
      );
    }
    const field = { input, wrapper, error, control };
    this.fields.set(input.name, field);
    const changed = (complete) => {
      this.edited = true;
      if (complete) this.shown.add(input.name);
      order.set(input.name, this.value(field));
      this.update();
    };
    wrapper.addEventListener("input", (event) => changed(this.complete(field, event.target)));
    wrapper.addEventListener("change", (event) => changed(this.complete(field, event.target)));
    wrapper.addEventListener("focusout", () => {
      // Leaving a field is when to judge it, even half-typed.
      if (this.value(field) === "") return;
      this.edited = true;
      this.shown.add(input.name);
      this.update();
    });
    return wrapper;
  },

  control(input, id, described) {
    const common = {
      id,
      name: input.name,
      "aria-describedby": described,
      "aria-required": input.required ? "true" : null,
    };
    if (input.kind === "date") return el("input", { type: "text", class: "calc__day", autocomplete: "off", ...common });
    if (input.kind === "days")
      return el("input", { type: "number", inputMode: "numeric", min: 0, max: input.max, step: 1, ...common });
    const groups = new Map();
    for (const choice of input.choices) {
      if (!groups.has(choice.group)) groups.set(choice.group, []);
      groups.get(choice.group).push(el("option", { value: choice.value }, choice.label));
    }
    const options = [...groups].flatMap(([group, list]) => (group ? [el("optgroup", { label: group }, list)] : list));
    return el("select", common, el("option", { value: "" }, this.ui.choose), options);
  },

  /** Whether a change leaves the field in a state worth judging at once. */
  complete(field, target) {
    // A date is judged while typed only once it is as long as the language writes one
    // ("2026-03-0" is on its way to the 2nd); leaving the field judges it anyway.
    const whole = target.value.trim().length >= this.dates.length;
    return field.input.kind !== "date" || (whole && this.dates.read(target.value) !== null);
  },

  /** The field's answer: a date as ISO when it reads as one, else what was typed. */
  value(field) {
    if (field.control.radios) return field.control.radios.find((radio) => radio.checked)?.value ?? "";
    const text = field.control.value.trim();
    return (field.input.kind === "date" && this.dates.read(text)) || text;
  },

  setValue(field, value) {
    if (field.control.radios) field.control.radios.forEach((radio) => (radio.checked = radio.value === value));
    else field.control.value = field.input.kind === "date" ? this.dates.show(value) : value;
  },

  /**
   * Whether a field applies, given the other answers (the declaration's shown_if): it is
   * asked once they call for it, and kept while they do not say, if it holds an answer
   * (a link may carry a delivery date without "Has it arrived?"), as Python does.
   */
  applies(field) {
    const condition = field.input.shown_if;
    const other = condition && this.fields.get(condition.name);
    const given = other ? this.value(other) : (order.facts.get(condition?.name) ?? "");
    const asked = askedFor(condition, given);
    return asked ?? (this.value(field) || order.facts.get(field.input.name) || "") !== "";
  },

  /** Answers that only make sense together, read as the declaration's ``implies`` says. */
  settle() {
    for (const [name, field] of this.fields) {
      for (const [answer, other, meant] of field.input.implies ?? []) {
        if (order.facts.get(name) === answer && order.facts.get(other)) order.facts.set(name, meant);
      }
    }
  },

  /** Fill the form from the link, else from this visit's (or the device's) order. */
  restore() {
    const linked = order.fromFragment(location.hash);
    if (linked.length) order.replace(linked);
    this.settle();
    for (const [name, field] of this.fields) {
      if (!order.facts.has(name)) continue;
      this.setValue(field, order.facts.get(name));
      this.shown.add(name);
      const more = field.wrapper.closest("details");
      if (more) more.open = true; // a section holding an answer is never folded away
    }
    this.restored = order.facts.size > 0;
  },

  /** Everything to send: this form's answers that apply, and the order's other facts. */
  inputs() {
    const inputs = {};
    for (const [name, value] of order.facts) if (!this.fields.has(name)) inputs[name] = value;
    for (const [name, field] of this.fields) {
      field.wrapper.hidden = !this.applies(field);
      // A linked value the field cannot hold (30 February, an unknown carrier) is still
      // sent, so the reader hears what is wrong with it instead of "enter a date".
      const value = this.value(field) || (order.facts.get(name) ?? "");
      if (!field.wrapper.hidden && value !== "") inputs[name] = value;
    }
    return inputs;
  },

  /**
   * A problem about a question not asked yet (the planner's "Enter at least one date",
   * said of the delivery date before "Has it arrived?") is shown under the first empty
   * field of the same kind that is asked, once the reader asks for the answer.
   */
  placeProblems(problems, submitted) {
    for (const [name, field] of this.fields) {
      if (!submitted || !problems[name] || !field.wrapper.hidden) continue;
      const asked = [...this.fields.values()].find(
        (other) => !other.wrapper.hidden && other.input.kind === field.input.kind && this.value(other) === "",
      );
      if (asked && !problems[asked.input.name]) problems[asked.input.name] = problems[name];
      delete problems[name];
    }
  },

  /** The summary of the problems marked in the form, kept up to date once shown. */
  summarise(submitted) {
    const marked = [...this.fields.values()].filter((field) => !field.error.hidden);
    if (marked.length === 0 || (!submitted && this.problems.hidden)) {
      this.problems.hidden = true;
      return;
    }
    const items = marked.map((field) => {
      const target = field.control.radios ? field.control.radios[0] : field.control;
      const link = el(
        "a",
        { href: `#${target.id || field.wrapper.id}` },
        el("span", { class: "calc__problems-field" }, field.input.label),
        field.error.textContent,
      );
      link.addEventListener("click", (event) => {
        // The field, not the link's fragment (which holds the reader's dates): the
        // theme's instant navigation must not see this click either.
        event.preventDefault();
        event.stopPropagation();
        const more = field.wrapper.closest("details");
        if (more) more.open = true;
        (field.control.radios?.find((radio) => radio.checked) ?? target).focus();
        field.wrapper.scrollIntoView({ block: "center" });
      });
      return el("li", {}, link);
    });
    this.problems.replaceChildren(
      el("h2", { class: "calc__problems-head", id: `calc-${this.slug}-problems` }, this.ui.problems),
      el("ul", {}, items),
    );
    this.problems.hidden = false;
    if (submitted) this.problems.focus();
  },

  showProblems(problems) {
    let visible = 0;
    for (const [name, field] of this.fields) {
      const message = this.shown.has(name) && !field.wrapper.hidden ? problems[name] : undefined;
      field.error.textContent = message ?? "";
      field.error.hidden = !message;
      visible += Boolean(message);
      const target = field.control.radios ? field.wrapper : field.control;
      if (message) target.setAttribute("aria-invalid", "true");
      else target.removeAttribute("aria-invalid");
    }
    return visible;
  },
};
