// What the studio's forms share: a labelled field that can show its own
// error (data-field names its place in the API's input, as
// extensions.field does), a refused save's errors put next to their fields,
// and slugs for new ids.
import { h, clear } from './dom.js';
import { routeErrors } from './fielderrors.js';

let seq = 0;

// uid is a fresh element id with a readable prefix.
export function uid(prefix) {
  seq += 1;
  return `${prefix}-${seq}`;
}

// field wraps a control with its label, an optional hint and a place for
// its error; key is the field's path in the API's input ("quotes[0].start").
export function field(key, label, control, hint) {
  const id = control.id || uid('f');
  control.id = id;
  const errId = `${id}-err`;
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', { class: 'field', dataset: { field: key } },
    h('label', { for: id }, label),
    control,
    hint ? h('p', { class: 'hint', id: hintId }, hint) : null,
    h('div', { class: 'field-error', id: errId, hidden: true }));
}

// group is a fieldset whose legend names it, placed at key like a field.
export function group(key, legend, ...children) {
  return h('fieldset', { class: 'field group', dataset: { field: key } },
    h('legend', {}, legend), ...children,
    h('div', { class: 'field-error', hidden: true }));
}

// select builds a select with options [{ value, label }] and one chosen.
export function select(options, chosen, attrs = {}) {
  const el = h('select', attrs, options.map((o) => h('option', { value: o.value, selected: o.value === chosen }, o.label)));
  if (chosen !== undefined) el.value = chosen;
  return el;
}

function errorBox(el) {
  return [...el.children].find((c) => c.classList.contains('field-error'));
}

// clearErrors removes every error a form shows.
export function clearErrors(form) {
  for (const el of form.querySelectorAll('.field-error')) { clear(el).hidden = true; }
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const ids = (el.getAttribute('aria-describedby') || '').split(' ').filter((x) => x && !x.endsWith('-err'));
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
  }
}

function explained(e) {
  return h('p', { class: 'error-line', dataset: { code: e.code } },
    e.lead, e.detail ? h('span', { class: 'error-detail' }, ` (${e.detail})`) : null);
}

// showErrors puts each of a refused save's errors next to the field it
// concerns (the form's top for the rest), marks the fields invalid, and
// focuses the first; arg is the mutation's argument name. Returns the
// routed errors.
export function showErrors(form, errors, arg = 'input') {
  clearErrors(form);
  const places = [...form.querySelectorAll('[data-field]')];
  const keys = places.map((el) => el.dataset.field).filter(Boolean);
  const routed = routeErrors(errors, keys, arg);
  let first = null;
  for (const [key, list] of routed) {
    const place = key ? places.find((el) => el.dataset.field === key) : form.querySelector('.form-errors');
    const box = key ? errorBox(place) : place;
    if (!box) continue;
    clear(box).append(...list.map(explained));
    box.hidden = false;
    const control = key ? place.querySelector('input, select, textarea') : null;
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      if (!box.id) box.id = `${uid('e')}-err`;
      const ids = new Set((control.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
      ids.add(box.id);
      control.setAttribute('aria-describedby', [...ids].join(' '));
    }
    if (!first) first = control || box;
  }
  if (first) {
    if (!first.matches('input, select, textarea, button')) first.setAttribute('tabindex', '-1');
    first.focus();
  }
  return routed;
}

// formErrors is the place for errors that concern a form as a whole.
export function formErrors() {
  return h('div', { class: 'form-errors field-error', role: 'alert', hidden: true });
}

// slugify makes an id from words: lower-case letters and digits joined by
// hyphens, at most about six words, as the API's ids are.
export function slugify(text, words = 6) {
  const parts = (text || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .split(/[^a-z0-9]+/).filter(Boolean).slice(0, words);
  return parts.join('-');
}

// uniqueId returns base, or base-2, base-3 … the first not in taken.
export function uniqueId(base, taken) {
  const b = base || 'item';
  if (!taken.has(b)) return b;
  for (let i = 2; ; i++) if (!taken.has(`${b}-${i}`)) return `${b}-${i}`;
}
