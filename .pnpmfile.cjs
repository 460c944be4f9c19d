// pnpm reads this file on every install. node-pty, which the pseudo-terminal tests use,
// compiles a native addon with node-gyp, and node-gyp needs Node's C headers: with no
// `nodedir` configured it downloads them, which fails offline or behind a proxy, and the
// terminal tests are then skipped. When the Node that runs pnpm has its headers installed
// beside it (<prefix>/include/node/node.h, as Linux packages and the official tarballs
// do), node-gyp is pointed there. A nodedir the user chose (npm_config_nodedir) wins.
const { existsSync } = require("node:fs");
const { dirname, join } = require("node:path");

/** The prefix of the running Node when its headers are there, else undefined. */
function localNodeDir() {
  if (process.env.npm_config_nodedir) return undefined;
  const prefix = dirname(dirname(process.execPath));
  return existsSync(join(prefix, "include", "node", "node.h")) ? prefix : undefined;
}

module.exports = {
  hooks: {
    updateConfig(config) {
      const nodedir = localNodeDir();
      if (nodedir === undefined) return config;
      return { ...config, extraEnv: { ...config.extraEnv, npm_config_nodedir: nodedir } };
    },
  },
};
