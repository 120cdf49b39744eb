module.exports = {
  displayName: 'read-model',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};
