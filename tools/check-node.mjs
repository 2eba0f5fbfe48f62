// Runs before `npm test` and `npm start`: the tools are TypeScript run by Node's built-in type
// stripping (Node >= 22.18), so an older Node would fail with a cryptic "Unknown file extension".
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  console.error(
    `Orderflow needs Node.js 24 LTS (or at least 22.18); this is Node ${process.versions.node}.\n` +
      'Install Node 24 from https://nodejs.org (or with nvm: "nvm install 24") and run again.',
  );
  process.exit(1);
}
