/**
 * Stored cross-site scripting payloads, as test data for every place customer or user text comes
 * back out (the portal, emails). Each one, if it ever ran, would call `window.__xss(<n>)` and/or
 * leave an element whose id is `xss-<n>`: a browser test defines `__xss` to record the call and
 * looks for `[id^="xss-"]` elements, so it proves that nothing ran and nothing was injected.
 *
 * Written for this project: the classic shapes (script tags, event handlers, javascript: and
 * data: URLs, quote and tag break-outs, template injection, entity and unicode variants).
 */
export interface XssPayload {
  /** 1-based, the number the payload reports with `__xss(n)` / `id="xss-n"`. */
  readonly n: number;
  /** What kind of attack it is, for failure messages. */
  readonly name: string;
  /** The text as an attacker would submit it. */
  readonly text: string;
}

const base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

const PAYLOADS: readonly (readonly [string, (n: number) => string])[] = [
  ['script tag', (n) => `<script id="xss-${n}">__xss(${n})</script>`],
  ['img onerror', (n) => `<img id="xss-${n}" src=x onerror="__xss(${n})">`],
  ['svg onload', (n) => `<svg id="xss-${n}" onload="__xss(${n})"></svg>`],
  ['script inside svg', (n) => `<svg><script id="xss-${n}">__xss(${n})</script></svg>`],
  ['javascript: link', (n) => `<a id="xss-${n}" href="javascript:__xss(${n})">open</a>`],
  [
    'iframe javascript: src',
    (n) => `<iframe id="xss-${n}" src="javascript:parent.__xss(${n})"></iframe>`,
  ],
  ['body onload', (n) => `<body id="xss-${n}" onload="__xss(${n})">`],
  ['double-quote attribute break-out', (n) => `"><img id="xss-${n}" src=x onerror=__xss(${n})>`],
  ['single-quote attribute break-out', (n) => `'><img id='xss-${n}' src=x onerror=__xss(${n})>`],
  ['textarea break-out', (n) => `</textarea><img id="xss-${n}" src=x onerror=__xss(${n})>`],
  ['title break-out', (n) => `</title><img id="xss-${n}" src=x onerror=__xss(${n})>`],
  ['script break-out', (n) => `</script><script id="xss-${n}">__xss(${n})</script>`],
  ['Angular template injection', (n) => `{{constructor.constructor('__xss(${n})')()}}`],
  ['template literal', (n) => `\${__xss(${n})}`],
  ['mixed-case script tag', (n) => `<ScRiPt id="xss-${n}">__xss(${n})</sCrIpT>`],
  ['HTML-entity-encoded tag', (n) => `&lt;img id="xss-${n}" src=x onerror=__xss(${n})&gt;`],
  [
    'entity-encoded handler',
    (n) => `<img id="xss-${n}" src=x onerror="&#95;&#95;xss&#40;${n}&#41;">`,
  ],
  [
    'style url(javascript:)',
    (n) => `<div id="xss-${n}" style="background:url(javascript:__xss(${n}))">x</div>`,
  ],
  [
    'style expression()',
    (n) => `<div id="xss-${n}" style="width: expression(__xss(${n}))">x</div>`,
  ],
  [
    'object data: URI',
    (n) =>
      `<object id="xss-${n}" data="data:text/html,<script>parent.__xss(${n})</script>"></object>`,
  ],
  [
    'base64 data: URI link',
    (n) =>
      `<a id="xss-${n}" href="data:text/html;base64,${base64(`<script>opener.__xss(${n})</script>`)}">open</a>`,
  ],
  ['Markdown javascript: link', (n) => `[click here](javascript:__xss(${n}))`],
  ['Markdown image attribute break-out', (n) => `![x](x" id="xss-${n}" onerror="__xss(${n}))`],
  ['JSON-escaped tag', (n) => `\\u003cimg id="xss-${n}" src=x onerror=__xss(${n})\\u003e`],
  ['full-width look-alike tag', (n) => `＜script id="xss-${n}"＞__xss(${n})＜/script＞`],
  [
    'details ontoggle',
    (n) => `<details id="xss-${n}" open ontoggle="__xss(${n})"><summary>x</summary></details>`,
  ],
  ['input autofocus onfocus', (n) => `<input id="xss-${n}" autofocus onfocus="__xss(${n})">`],
  [
    'noscript mutation',
    (n) =>
      `<noscript><p title="</noscript><img id=xss-${n} src=x onerror=__xss(${n})>"></noscript>`,
  ],
  ['bare javascript: URL', (n) => `javascript:__xss(${n})`],
  ['unclosed tag', (n) => `<img id="xss-${n}" src=x onerror=__xss(${n}) //`],
  ['URL-encoded script', (n) => `%3Cscript%20id%3D%22xss-${n}%22%3E__xss(${n})%3C%2Fscript%3E`],
  [
    'Handlebars triple stash',
    (n) => `{{{quote}}} <b id="xss-${n}">{{#each this}}{{this}}{{/each}}</b>`,
  ],
  [
    'ECharts rich text / HTML in a label',
    (n) => `{a|<img id="xss-${n}" src=x onerror=__xss(${n})>}`,
  ],
  [
    'line and paragraph separators',
    (n) => `\u2028<img id="xss-${n}" src=x onerror=__xss(${n})>\u2029`,
  ],
];

/** Every payload, numbered 1..N. */
export const XSS_PAYLOADS: readonly XssPayload[] = PAYLOADS.map(([name, make], i) => ({
  n: i + 1,
  name,
  text: make(i + 1),
}));

/**
 * A script a browser runs before the page's own: `__xss(n)` records n in `window.__xssFired`, and
 * every Content-Security-Policy violation (an inline handler or script the policy stopped: the
 * sign of injected markup even when it could not run) is recorded in `window.__xssBlocked`.
 */
export const XSS_MARKER_INIT_SCRIPT = `
  window.__xssFired = [];
  window.__xss = function (n) { window.__xssFired.push(n); };
  window.__xssBlocked = [];
  document.addEventListener('securitypolicyviolation', function (e) {
    window.__xssBlocked.push(e.violatedDirective + ' ' + (e.sample || e.blockedURI));
  });
`;

/** Matches the elements a payload would have injected, had it become markup. */
export const XSS_ELEMENT_SELECTOR = '[id^="xss-"]';
