/**
 * The layers of README's "How it fits together", checked by `npm run lint:deps` (part of
 * `npm test`). Imports point one way:
 *
 *   entrypoints/ → components/ → lib/db, lib/messaging → pure lib/ (everything else in lib/)
 *
 * Tests are left out: like an entry point, a test may wire several layers together, and
 * nothing imports it.
 */

/** Pure logic: every lib/ folder but the database and the messaging glue. */
const PURE = '^lib/(?!db/|messaging/)';
/** Code that runs as (or inside) a content script, in the web page's origin. */
const CONTENT_SCRIPT = '^(entrypoints/content/|entrypoints/[^/]+[.]content(/|[.]ts$)|lib/sites/)';
const DEXIE = '^node_modules/dexie/';
const DEXIE_HOOKS = '^node_modules/dexie-react-hooks/';
const REACT = '^node_modules/(react|react-dom|react-markdown|zustand)/';
const BROWSER = '^node_modules/(wxt|@wxt-dev/[^/]+|@webext-core/[^/]+|webextension-polyfill)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules import each other in one direction only.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-folder-cycles',
      severity: 'error',
      scope: 'folder',
      comment: 'Folders import each other in one direction only (for example lib/sites → lib/match, never back).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pure-lib-stays-pure',
      severity: 'error',
      comment:
        'Pure logic (catalog, match, summary, search, notes model and formats, sites, …) imports nothing of Dexie, ' +
        'React, the browser APIs, lib/db, lib/messaging, components or entry points: it runs and is tested anywhere.',
      from: { path: PURE },
      to: { path: [DEXIE, DEXIE_HOOKS, REACT, BROWSER, '^lib/(db|messaging)/', '^(components|entrypoints)/'] },
    },
    {
      name: 'only-lib-db-opens-dexie',
      severity: 'error',
      comment: 'lib/db owns every Dexie read and write; everything else calls its functions.',
      from: { pathNot: '^lib/db/' },
      to: { path: DEXIE },
    },
    {
      name: 'db-below-messaging',
      severity: 'error',
      comment: 'lib/messaging uses lib/db (the background handlers); lib/db never sends or receives messages.',
      from: { path: '^lib/db/' },
      to: { path: ['^lib/messaging/', BROWSER] },
    },
    {
      name: 'components-props-in-events-out',
      severity: 'error',
      comment:
        'React components take data and callbacks (a NoteStore for notes) and never reach Dexie, the browser APIs, ' +
        'lib/db, lib/messaging or entry points; each page backs them with what it may use.',
      from: { path: '^components/' },
      to: { path: [DEXIE, DEXIE_HOOKS, BROWSER, '^lib/(db|messaging)/', '^entrypoints/'] },
    },
    {
      name: 'live-queries-only-in-extension-pages',
      severity: 'error',
      comment: 'useLiveQuery reads IndexedDB directly: only the popup and the options page, same-origin pages, may.',
      from: { pathNot: '^entrypoints/(popup|options)/' },
      to: { path: DEXIE_HOOKS },
    },
    {
      name: 'content-scripts-never-reach-the-database',
      severity: 'error',
      comment:
        'A content script runs in the page origin, whose IndexedDB is the page’s: it asks the background ' +
        '(lib/messaging/to-background.ts) instead, and its bundle must not even carry Dexie.',
      from: { path: CONTENT_SCRIPT },
      to: { path: ['^lib/db/', DEXIE], reachable: true },
    },
    {
      name: 'card-frame-loads-no-dexie',
      severity: 'error',
      comment:
        'The hover card is framed into every page and gets no IndexedDB of its own: it reads and saves through ' +
        'background messages (lib/messaging/card-notes.ts), so its bundle must not carry Dexie.',
      from: { path: '^entrypoints/card/' },
      to: { path: ['^lib/db/', DEXIE, DEXIE_HOOKS], reachable: true },
    },
    {
      name: 'lib-below-ui',
      severity: 'error',
      comment: 'lib/ is what the UI stands on: it never imports components or entry points.',
      from: { path: '^lib/' },
      to: { path: '^(components|entrypoints)/' },
    },
    {
      name: 'entrypoints-do-not-import-each-other',
      severity: 'error',
      comment: 'Each entry point is its own context (a page, a worker, a content script); shared code lives in lib/ or components/.',
      from: { path: '^entrypoints/([^/.]+)' },
      to: { path: '^entrypoints/', pathNot: ['^entrypoints/$1(/|[.])'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import the cruiser cannot resolve is a typo or a missing package.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['[.]test[.]tsx?$', '^[.]wxt/', '^[.]output'] },
    // Type-only imports count too: a pure module may not even name a lib/db type.
    tsPreCompilationDeps: true,
    // WXT's generated config holds the `@/` path alias, relative to its own folder; the root
    // tsconfig.json extends it, and tsconfig-paths would read the alias relative to the root.
    tsConfig: { fileName: '.wxt/tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
