/**
 * Options for `fetch` that inherit nothing. The browser reads each option it knows from the object and its
 * prototypes, so on a page that has set, say, `Object.prototype.body`, a GET with a plain options object
 * fails ("cannot have body") and a POST could take the page's `mode` or `referrer`.
 */
export function fetchOptions(options: RequestInit): RequestInit {
  return Object.assign(Object.create(null) as RequestInit, options);
}
