// Runs before `npm test` and `npm start`: the tools are TypeScript run by Node's built-in type
// stripping (Node >= 22.18), so an older Node would fail with a cryptic "Unknown file extension".
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  const lines = [`Orderflow needs Node.js 24 LTS (or at least 22.18); this is Node ${process.versions.node}.`];
  // On Linux x64 the project fetches Node 24 itself: nothing to install, nothing to uninstall.
  if (process.platform === 'linux' && process.arch === 'x64') {
    lines.push(
      'Quickest: "source tools/use-node-24.sh" (fetches Node 24 once into ~/.cache/orderflow, for this shell).',
    );
  }
  lines.push('Or install Node 24 from https://nodejs.org (or with nvm: "nvm install 24"), then run again.');
  console.error(lines.join('\n'));
  process.exit(1);
}
