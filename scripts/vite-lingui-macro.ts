import { transformAsync } from '@babel/core';
import type { Plugin } from 'vite';

// Runs Lingui's macro (`@lingui/core/macro`, `@lingui/react/macro`) before Vite's own JSX transform.
// @vitejs/plugin-react 6 no longer runs Babel, and @rolldown/plugin-babel asks for Node 22, so this small
// plugin calls @babel/core with only the macro plugin: TypeScript and JSX stay as they are for Oxc.
export function linguiMacro(): Plugin {
  return {
    name: 'corner-lingui-macro',
    enforce: 'pre',
    async transform(code, id) {
      const file = id.split('?')[0] ?? id;
      if (!/\.[cm]?[jt]sx?$/.test(file) || file.includes('/node_modules/')) return null;
      if (!code.includes('@lingui/core/macro') && !code.includes('@lingui/react/macro')) return null;
      const result = await transformAsync(code, {
        filename: file,
        babelrc: false,
        configFile: false,
        sourceMaps: true,
        parserOpts: { plugins: file.endsWith('x') ? ['typescript', 'jsx'] : ['typescript'] },
        // The English text stays in the bundle, so a message not yet extracted reads as English rather
        // than as its hashed id.
        plugins: [['@lingui/babel-plugin-lingui-macro', { stripMessageField: false }]],
      });
      if (!result?.code) return null;
      return { code: result.code, map: result.map };
    },
  };
}
