// Layering is enforced here, not by memory (style.md §1):
//   src-shared   imports nothing of ours and no node:/electron/DOM-only packages
//   src-renderer imports only src-shared (never node:, never electron)
//   src-main     never imports electron except inside src-main/electron/, never src-server
//   src-server   never imports src-main or src-renderer
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'net', 'http', 'https', 'worker_threads', 'url', 'stream', 'zlib'];
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group.glob], message: group.why })) }] });
const forbid = (globs, why) => globs.map((glob) => ({ glob, why }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'migrations/**', 'bench/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-shared/**'],
    rules: restrict([
      ...forbid(['**/src-main/**', '**/src-renderer/**', '**/src-server/**'], 'src-shared imports none of the other layers'),
      ...forbid(nodeBuiltins, 'src-shared runs anywhere: no Node built-ins'),
      ...forbid(['electron', 'better-sqlite3', 'react', 'react-dom'], 'src-shared is pure'),
    ]),
  },
  {
    files: ['src-renderer/**'],
    rules: restrict([
      ...forbid(['**/src-main/**', '**/src-server/**'], 'the renderer talks to main only through the contract'),
      ...forbid([...nodeBuiltins, 'electron', 'better-sqlite3', 'ws'], 'the renderer never imports Node or Electron'),
    ]),
  },
  {
    // Renderer unit tests run in Node and may stand up a real WebSocket server to talk to.
    files: ['src-renderer/**/*.test.ts'],
    rules: restrict(forbid(['**/src-main/**', '**/src-server/**'], 'the renderer talks to main only through the contract')),
  },
  {
    files: ['src-main/**'],
    ignores: ['src-main/electron/**'],
    rules: restrict([
      ...forbid(['electron'], 'only src-main/electron/ imports electron'),
      ...forbid(['**/src-renderer/**', '**/src-server/**'], 'desk main meets renderer and server only over the contract'),
    ]),
  },
  {
    files: ['src-main/electron/**'],
    rules: restrict(forbid(['**/src-renderer/**', '**/src-server/**'], 'desk main meets renderer and server only over the contract')),
  },
  {
    files: ['src-server/**'],
    rules: restrict([
      ...forbid(['**/src-main/**', '**/src-renderer/**'], 'the server meets the desk only over the wire'),
      ...forbid(['electron'], 'the server never imports electron'),
    ]),
  },
);
