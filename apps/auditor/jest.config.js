module.exports = {
  displayName: 'auditor',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
