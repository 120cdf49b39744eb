// How SWC compiles the TypeScript sources, one set of options for jest (@swc/jest) and the
// build (swc-loader): legacy decorators with their metadata (NestJS reads constructor
// parameter types from it), class names kept (Nest, GraphQL types and CQRS read them), and
// CommonJS modules, as @swc-node/register runs the same sources under `npm start`.
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
};
