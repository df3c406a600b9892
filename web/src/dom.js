// h builds DOM elements without innerHTML, so text from the API is never
// parsed as markup.
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'dataset') {
      for (const [dk, dv] of Object.entries(v)) if (dv !== null && dv !== undefined) el.dataset[dk] = dv;
    }
    else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : String(c));
  }
}

// clear empties an element and returns it, for clear(el).append(...).
export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

// put appends children to el as h does: nulls and false are skipped, arrays
// flattened (the DOM's own append would write null as the word "null").
export function put(el, ...children) {
  append(el, children);
  return el;
}
