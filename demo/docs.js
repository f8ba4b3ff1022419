// The element reference's live examples (docs.html is generated from custom-elements.json by
// scripts/gen-from-manifest.ts). Each control sets or removes its attribute on the example element, the
// snippet under it follows, and every event the element fires is listed. A file, not an inline script, so
// the page also runs under the strict CSP at /demo-csp/.
const LOG_LINES = 20;

function snippet(element) {
  const attributes = [...element.attributes].map((a) => (a.value === '' ? ` ${a.name}` : ` ${a.name}="${a.value}"`)).join('');
  return `<${element.localName}${attributes}></${element.localName}>`;
}

/** A telemetry event's type first, then what is particular to it (its id, time, page view and URL left out). */
function summary(detail) {
  if (detail === null || typeof detail !== 'object') return detail === undefined ? '' : String(detail);
  const { id, ts, pv, url, type, ...rest } = detail;
  const text = `${typeof type === 'string' ? `${type} ` : ''}${JSON.stringify(rest)}`;
  return text.length > 160 ? `${text.slice(0, 159)}…` : text;
}

for (const example of document.querySelectorAll('[data-example]')) {
  const element = example.querySelector('.stage > *');
  const code = example.querySelector('[data-snippet]');
  const log = example.querySelector('[data-log]');

  for (const control of example.querySelectorAll('[data-attr]')) {
    control.addEventListener('change', () => {
      const name = control.dataset.attr;
      if (control.type === 'checkbox') element.toggleAttribute(name, control.checked);
      else if (control.value === '') element.removeAttribute(name);
      else element.setAttribute(name, control.value);
      code.textContent = snippet(element);
    });
  }

  for (const type of example.dataset.events.split(' ').filter(Boolean)) {
    element.addEventListener(type, (event) => {
      const line = document.createElement('li');
      const name = document.createElement('code');
      name.textContent = event.type;
      line.append(name, ` ${summary(event.detail)}`);
      log.prepend(line);
      while (log.children.length > LOG_LINES) log.lastElementChild.remove();
    });
  }
}
