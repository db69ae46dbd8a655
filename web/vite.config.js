// Builds the dyad dashboard into web/dist, which `dyad serve` serves at `/`.
//
// Two lookup tables are made here, at build time, so the page fetches
// nothing but the API at run time and the bundle carries only what it uses:
//   virtual:cameo-codes   code -> {root, quad, goldstein, name}, from the
//                         project's own data/cameo_codes.tsv;
//   virtual:country-ids   world-atlas numeric id -> ISO alpha-3, from
//                         world-countries' ccn3/cca3 pairs.
import {readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {defineConfig} from 'vite';

const webDir = dirname(fileURLToPath(import.meta.url));
const repoDir = resolve(webDir, '..');
const require = createRequire(import.meta.url);

function cameoCodesModule() {
  const tsvPath = resolve(repoDir, 'data/cameo_codes.tsv');
  const table = {};
  for (const line of readFileSync(tsvPath, 'utf8').split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('code\t')) {
      continue;
    }
    const [code, root, quad, goldstein, plover, name] = line.split('\t');
    table[code] = {
      root,
      quad: Number(quad),
      goldstein: Number(goldstein),
      plover: plover || null,
      name: name ?? '',
    };
  }
  if (Object.keys(table).length < 20) {
    throw new Error(`${tsvPath}: expected the CAMEO code table, found ` +
                    `${Object.keys(table).length} codes`);
  }
  return `export default ${JSON.stringify(table)};`;
}

function countryIdsModule() {
  const countries = require('world-countries/countries.json');
  const byNumericId = {};
  for (const country of countries) {
    if (country.ccn3) byNumericId[country.ccn3] = country.cca3;
  }
  // world-atlas leaves three territories without a numeric id; they are
  // joined by name. Kosovo is KSV in CAMEO and in dyad's lexicon; ISO has no
  // code for the other two, which the coder files under the state that
  // claims them, so they are shaded with it rather than left blank.
  const byName = {Kosovo: 'KSV', 'N. Cyprus': 'CYP', Somaliland: 'SOM'};
  return `export const byNumericId = ${JSON.stringify(byNumericId)};\n` +
         `export const byName = ${JSON.stringify(byName)};`;
}

function buildTimeTables() {
  const modules = {
    'virtual:cameo-codes': cameoCodesModule,
    'virtual:country-ids': countryIdsModule,
  };
  return {
    name: 'dyad-build-time-tables',
    resolveId(id) {
      return id in modules ? '\0' + id : null;
    },
    load(id) {
      if (id.startsWith('\0') && id.slice(1) in modules) {
        return modules[id.slice(1)]();
      }
      return null;
    },
  };
}

export default defineConfig({
  root: webDir,
  // Relative asset URLs: the dashboard works wherever it is mounted.
  base: './',
  plugins: [buildTimeTables()],
  build: {
    outDir: resolve(webDir, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
  server: {
    // `npx vite` in web/ during development: the API of a running
    // `dyad serve` (DYAD_API, default port 8080) behind the dev server.
    proxy: {'/api': process.env.DYAD_API ?? 'http://127.0.0.1:8080'},
  },
});
