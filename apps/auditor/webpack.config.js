// `nx run auditor:build` (npm run build): dist/apps/auditor/main.js (the auditor CLI).
// See tools/webpack/node-app.config.js.
const { nodeAppConfig } = require('../../tools/webpack/node-app.config');

module.exports = nodeAppConfig({
  name: 'auditor',
  root: __dirname,
  entries: { main: 'src/main.ts' },
});
