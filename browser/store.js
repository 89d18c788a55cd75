/** The reader's order and ticks: kept for the visit, and on the device only if asked. */

const STORAGE_KEY = "aliexpress-guide:order";
export const TICKS_KEY = "aliexpress-guide:evidence";
// The ticked items' words, for the case summary on another page; kept with the ticks.
export const EVIDENCE_KEY = "aliexpress-guide:evidence-words";

/* The reader's order: every fact they gave, kept for the visit, on the device if asked. */
export const order = {
  facts: new Map(),
  remembered: false,
  known: new Set(),

  load() {
    const saved = readSaved(STORAGE_KEY, (value) => value?.constructor === Object);
    if (!saved) return;
    this.replace(Object.entries(saved));
    this.remembered = true;
  },
  replace(entries) {
    this.facts = new Map(entries.filter(([, value]) => typeof value === "string" && value !== ""));
  },
  set(name, value) {
    if (value === "") this.facts.delete(name);
    else this.facts.set(name, value);
    this.save();
  },
  save() {
    if (this.remembered) storage((store) => store.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(this.facts))));
  },
  remember(on) {
    this.remembered = on;
    if (on) this.save();
    else storage((store) => [STORAGE_KEY, TICKS_KEY, EVIDENCE_KEY].forEach((key) => store.removeItem(key)));
  },
  /** The order as a link's fragment: #shipped=2026-03-02&carrier=DHL */
  fragment() {
    return this.facts.size ? `#${new URLSearchParams([...this.facts])}` : "";
  },
  fromFragment(hash) {
    const params = new URLSearchParams(hash.slice(1));
    return [...params].filter(([name, value]) => this.known.has(name) && value !== "");
  },
};

/** Run something against localStorage, which embeds in strict browsers may not reach. */
export function storage(use) {
  try {
    return use(window.localStorage);
  } catch {
    return null;
  }
}

/**
 * What this script saved under ``key``, if it is there and ``fits``. Saved data that
 * cannot be read (edited by hand, or by another version of this script) is dropped, with a line saying so,
 * rather than stopping the page on every visit.
 */
export function readSaved(key, fits) {
  const text = storage((store) => store.getItem(key));
  if (text === null) return null;
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    value = undefined;
  }
  if (fits(value)) return value;
  console.warn(`Dropped what this site saved as ${key} on this device: it could not be read.`);
  storage((store) => store.removeItem(key));
  return null;
}
