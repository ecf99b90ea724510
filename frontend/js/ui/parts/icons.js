// Small line icons drawn for the app; always beside words, never the only sign of anything.
// Content names them (a triage level's `icon`); tests/test_words.py checks every named icon is drawn here.
const SVG = "http://www.w3.org/2000/svg";

const PATHS = {
  // a warning triangle with an exclamation mark
  warning: ["M12 3 2 21h20L12 3z", "M12 10v5", "M12 18v.5"],
  // a clock: soon
  clock: ["M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z", "M12 7v5l3 3"],
  // a calendar: book a visit
  calendar: ["M4 6h16v14H4z", "M4 10h16", "M8 3v5", "M16 3v5"],
  // a tick in a circle: look after it at home
  check: ["M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18z", "M8 12l3 3 5-6"],
  // a phone handset
  phone: ["M6 3h3l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2z"],
};

export function icon(name, size = 32) {
  const svg = document.createElementNS(SVG, "svg");
  for (const [key, value] of Object.entries({
    viewBox: "0 0 24 24", width: size, height: size, fill: "none", stroke: "currentColor",
    "stroke-width": "2", "stroke-linecap": "round", "stroke-linejoin": "round",
    "aria-hidden": "true", focusable: "false", class: "icon",
  })) svg.setAttribute(key, value);
  for (const d of PATHS[name]) {
    const path = document.createElementNS(SVG, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}
