// `nx run api:build` (npm run build): dist/apps/api/main.js (api only) and start.main.js
// (npm run start:prod: PostgreSQL + projector + api). See tools/webpack/node-app.config.js.
const { nodeAppConfig } = require('../../tools/webpack/node-app.config');

module.exports = nodeAppConfig({
  name: 'api',
  root: __dirname,
  entries: { main: 'src/main.ts', 'start.main': 'src/start.main.ts' },
  // graphiql.controller.ts reads its page from `${__dirname}/assets` at start.
  assets: [{ from: 'src/graphiql/assets', to: 'assets' }],
});
