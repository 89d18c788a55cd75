/** Dates as the page's language types and writes them, from the engine's words. */

/**
 * Dates as the page's language types them, from the engine's pattern ("{day:02}/{month:02}/{year}"):
 * ``show`` turns a link's ISO date into what the field shows, ``read`` turns what the reader
 * typed back into ISO when its three numbers are plain, and otherwise leaves it to the
 * engine, which reads dates in words too and says what is wrong.
 */
export function typedDates(pattern) {
  const parts = [...pattern.matchAll(/\{(\w+)/g)].map((match) => match[1]);
  const pad = (number) => number.padStart(2, "0");
  return {
    /** How long a whole date is, typed this way ("14/10/2026": 10). */
    length: pattern.replace(/\{(\w+)[^}]*\}/g, (_, name) => (name === "year" ? "0000" : "00")).length,
    show(iso) {
      const match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(iso);
      if (!match) return iso;
      const said = { year: match[1], month: pad(match[2]), day: pad(match[3]) };
      return pattern.replace(/\{(\w+)[^}]*\}/g, (_, name) => said[name]);
    },
    read(text) {
      const numbers = text.trim().split(/\s*[-/. ]\s*/);
      if (numbers.length !== 3 || !numbers.every((number) => /^\d{1,4}$/.test(number))) return null;
      const iso = /^\d{4}$/.test(numbers[0]) ? ["year", "month", "day"] : parts;
      const said = Object.fromEntries(iso.map((name, index) => [name, numbers[index]]));
      if (!/^\d{4}$/.test(said.year) || said.day.length > 2 || said.month.length > 2) return null;
      return `${said.year}-${pad(said.month)}-${pad(said.day)}`;
    },
  };
}

/** A date in a message to someone else: in words, in the page's language. */
export function longDate(iso, firstDay = "1", lang = document.documentElement.lang || "en") {
  const [year, month, day] = iso.split("-").map(Number);
  const text = new Intl.DateTimeFormat(lang === "en" ? "en-GB" : lang, {
    day: "numeric",
    month: "long",
    year: "numeric",
  }).format(new Date(year, month - 1, day));
  // A month's first day as the engine's words say it ("1er août", "1º de agosto").
  return day === 1 ? text.replace(/(^|\s)1(?=\s)/, `$1${firstDay}`) : text;
}
