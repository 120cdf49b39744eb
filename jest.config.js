// `npm test` runs every project in one jest process, so PostgreSQL starts once.
module.exports = {
  projects: ['<rootDir>/apps/*/jest.config.js', '<rootDir>/libs/*/jest.config.js', '<rootDir>/tools/jest.config.js'],
  maxWorkers: 2,
};
