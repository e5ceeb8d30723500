// electron-builder cannot package here (it downloads Electron), so this checks electron-builder.yml
// the way `electron-builder` itself does before building — packager.validateConfig() merges the
// file with the defaults (doMergeConfigs) and runs validateConfiguration against its scheme.json —
// plus the values the release depends on.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
// Resolved through electron-builder, which depends on app-builder-lib and builder-util.
const fromBuilder = createRequire(createRequire(join(root, 'package.json')).resolve('electron-builder'));
const config = fromBuilder('app-builder-lib/out/util/config/config.js') as {
  doMergeConfigs(configs: unknown[]): Record<string, unknown>;
  validateConfiguration(config: unknown, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = fromBuilder('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
// electron-builder's file filter (internal API, pinned by the lockfile): what `files` really selects.
const fileMatcher = fromBuilder('app-builder-lib/out/fileMatcher.js') as {
  FileMatcher: new (from: string, to: string, expand: (s: string) => string, patterns: string[]) => { createFilter(): (file: string, stat: unknown) => boolean; patterns: string[] };
  getMainFileMatchers(appDir: string, to: string, expand: (s: string) => string, platformOptions: object, packager: object, outDir: string, electronCompile: boolean): Array<{ createFilter(): (file: string, stat: unknown) => boolean }>;
  getNodeModuleFileMatcher(appDir: string, to: string, expand: (s: string) => string, platformOptions: object, packager: object): { patterns: string[] };
};
const semver = createRequire(fromBuilder.resolve('app-builder-lib'))('semver') as {
  valid(version: string): string | null;
  satisfies(version: string, range: string): boolean;
};

type Yaml = Record<string, any>;
const loadYaml = (): Yaml => parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

function validate(file: Yaml): Promise<void> {
  return config.validateConfiguration(config.doMergeConfigs([structuredClone(file)]), new DebugLogger(false));
}

function targetNames(target: unknown): string[] {
  return (Array.isArray(target) ? target : [target]).map((entry) => (typeof entry === 'string' ? entry : (entry as { target: string }).target));
}

describe('electron-builder.yml', () => {
  it("passes electron-builder's own validation", async () => {
    await expect(validate(loadYaml())).resolves.toBeUndefined();
  });

  it('fails that validation when a key is misspelled or misplaced', async () => {
    const misspelled = loadYaml();
    misspelled.nsis.oneClik = false;
    await expect(validate(misspelled)).rejects.toThrow(/Invalid configuration object/);
    const unknownRoot = { ...loadYaml(), electronVersio: '45.5.0' };
    await expect(validate(unknownRoot)).rejects.toThrow(/Invalid configuration object/);
    const wrongType = loadYaml();
    wrongType.asar = 'yes please';
    await expect(validate(wrongType)).rejects.toThrow(/Invalid configuration object/);
  });

  it('builds NSIS for Windows and AppImage + deb for Linux', () => {
    const file = loadYaml();
    expect(targetNames(file.win.target)).toEqual(['nsis']);
    expect(targetNames(file.linux.target).sort()).toEqual(['AppImage', 'deb']);
    expect(file.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
    expect(file.nsis.installerLanguages).toEqual(expect.arrayContaining(['zh_CN', 'en_US']));
    expect(file.linux.category).toBe('Office');
    expect(file.linux.maintainer).toMatch(/<[^@\s]+@[^>\s]+>/);
    expect(file.deb.depends.length).toBeGreaterThan(0);
  });

  it('pins an Electron 45 that package.json installs', () => {
    const { electronVersion } = loadYaml();
    const range = packageJson.optionalDependencies?.electron ?? packageJson.devDependencies?.electron;
    expect(semver.valid(electronVersion)).toBe(electronVersion);
    expect(electronVersion.split('.')[0]).toBe('45');
    expect(range).toBeTruthy();
    expect(semver.satisfies(electronVersion, range)).toBe(true);
  });

  it('packs the built app, migrations and native modules correctly, but not Electron itself', () => {
    const file = loadYaml();
    expect(file.files).toEqual(expect.arrayContaining(['dist/**', 'migrations/**', 'package.json', '!node_modules/electron{,/**/*}']));
    expect(file.asar).toBe(true);
    expect(file.asarUnpack).toContain('**/*.node');
    expect(file.npmRebuild).toBe(true);
    expect(file.directories.output).toBe('release');
    expect(file.electronFuses).toMatchObject({ runAsNode: false, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false });
  });

  it("selects the app's files and leaves Electron's own binary out, per electron-builder's matcher", () => {
    const file = loadYaml();
    const projectDir = '/project';
    const packager = { projectDir, buildResourcesDir: 'build', config: file, isPrepackedAppAsar: false, debugLogger: { isEnabled: false } };
    const same = (s: string) => s;
    const appFilter = fileMatcher.getMainFileMatchers(projectDir, '/out/app', same, {}, { info: packager, config: file }, `${projectDir}/release`, false)[0].createFilter();
    const isFile = { isDirectory: () => false };
    const app = (path: string) => appFilter(`${projectDir}/${path}`, isFile);
    expect(app('dist/main/electron-main.mjs')).toBe(true);
    expect(app('dist/main/preload.cjs')).toBe(true);
    expect(app('dist/renderer/index.html')).toBe(true);
    expect(app('migrations/client/meta/_journal.json')).toBe(true);
    expect(app('assets/icon.png')).toBe(true);
    expect(app('src-main/host/desk.ts')).toBe(false);
    expect(app('test/packaging/electron-builder-config.test.ts')).toBe(false);
    expect(app('release/Dealerdesk-0.1.0.AppImage')).toBe(false);

    const modulePatterns = fileMatcher.getNodeModuleFileMatcher(projectDir, '/out/app', same, {}, packager).patterns;
    const moduleFile = (name: string, path: string) =>
      new fileMatcher.FileMatcher(`${projectDir}/node_modules/${name}`, `/out/app/node_modules/${name}`, same, modulePatterns)
        .createFilter()(`${projectDir}/node_modules/${name}/${path}`, { isDirectory: () => false, moduleFullFilePath: `node_modules/${name}/${path}` });
    expect(moduleFile('electron', 'dist/electron')).toBe(false);
    expect(moduleFile('electron', 'index.js')).toBe(false);
    expect(moduleFile('better-sqlite3', 'build/Release/better_sqlite3.node')).toBe(true);
    expect(moduleFile('zod', 'index.js')).toBe(true);
  });

  it('ships the icons electron-builder is pointed at', () => {
    const file = loadYaml();
    const png = readFileSync(join(root, file.linux.icon));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
    const ico = readFileSync(join(root, file.win.icon));
    expect(ico.readUInt16LE(2)).toBe(1);
    const sizes = Array.from({ length: ico.readUInt16LE(4) }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes).toEqual(expect.arrayContaining([256, 48, 32, 16]));
  });

  it('starts the bundled ESM main and never rebuilds native modules on npm install', () => {
    expect(packageJson.main).toBe('dist/main/electron-main.mjs');
    expect(packageJson.scripts?.postinstall ?? '').not.toMatch(/install-app-deps/);
    expect(packageJson.dependencies?.electron).toBeUndefined();
  });
});
