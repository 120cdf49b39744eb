// `nx run api:build` (npm run build): dist/apps/api/main.js (api only) and start.main.js
// (npm run start:prod: PostgreSQL + projector + api). See tools/webpack/node-app.config.js.
// The web app it serves is built by its own project into dist/apps/web (apps/web/README.md).
const { nodeAppConfig } = require('../../tools/webpack/node-app.config');

module.exports = nodeAppConfig({
  name: 'api',
  root: __dirname,
  entries: { main: 'src/main.ts', 'start.main': 'src/start.main.ts' },
});
