/**
 * Calabi's layers, lowest first. Data flows one way: AWS → sync → DuckDB ← controls → scans → api / cli /
 * scheduler → web and exports. A module may import its own layer and the layers below it, never one above, and no
 * runtime import forms a cycle (a type-only import is erased at compile time: it cannot change load order). test/layers.test.ts runs this file; `npx depcruise --config .dependency-cruiser.cjs .`
 * shows the same verdicts by hand. The README's "Architecture" section draws the same picture.
 */
const layers = [
  ['lib'], // logging, package paths, CSV, AWS partitions: no Calabi imports at all
  ['schema'], // the DuckDB layer: connections, migrations, inventory table definitions
  ['sync', 'demo'], // AWS → inventory tables; the bundled sample account
  ['controls'], // checks, benchmarks, the engine
  ['console', 'sources'], // the read-only SQL sandbox; Terraform plans as a second source
  ['scans'], // running a scan (sync + evaluate) as a service with live events
  ['reports'], // formatting and exports: text, CSV, XLSX, PDF, diff, compare
  ['scheduler'], // schedules, channels, alerts
  ['api'], // the Hono server
  ['cli', 'bin'], // the commands
];
const product = layers.flat();
const above = (i) => layers.slice(i + 1).flat();
const dir = (names) => `^(${names.join('|')})/`;

module.exports = {
  forbidden: [
    ...layers.flatMap((names, i) =>
      i === layers.length - 1
        ? []
        : [{ name: `layer-${names.join('-')}`, comment: `${names.join(' and ')} must not import a higher layer (${above(i).join(', ')})`, severity: 'error', from: { path: dir(names) }, to: { path: dir(above(i)) } }],
    ),
    { name: 'no-cycles', comment: 'an import cycle ties modules that should stand one above the other', severity: 'error', from: { path: dir(product) }, to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } } },
    { name: 'no-test-helpers-outside-tests', comment: 'bench, scripts and the product use testkit/, never test/', severity: 'error', from: { pathNot: '^test/' }, to: { path: '^test/' } },
    { name: 'product-not-on-tooling', comment: 'the product never imports benchmarks, scripts or the test kit', severity: 'error', from: { path: dir(product) }, to: { path: '^(bench|scripts|testkit)/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|test-artifacts)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    parser: 'swc',
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.mjs', '.cjs'] },
    moduleSystems: ['es6', 'cjs'],
  },
};
