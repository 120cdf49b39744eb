// `nx run projector:build` (npm run build): dist/apps/projector/main.js (the projection loop)
// and rebuild.main.js (npm run rebuild). See tools/webpack/node-app.config.js.
const { nodeAppConfig } = require('../../tools/webpack/node-app.config');

module.exports = nodeAppConfig({
  name: 'projector',
  root: __dirname,
  entries: { main: 'src/main.ts', 'rebuild.main': 'src/rebuild.main.ts' },
});
