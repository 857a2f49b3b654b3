/**
 * `npm run build`: `astro build` into a fresh folder beside the output, swapped in only when the build succeeds,
 * so bad content never leaves a half-built site in place of the last good one (the static host, the PDF command
 * and the offline copy keep serving the previous build). Arguments are passed on to `astro build`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const target = resolve(process.env.RUNBOOKS_OUT_DIR ?? 'dist');
const building = `${target}.building`;
const previous = `${target}.previous`;

rmSync(building, { recursive: true, force: true });
const astro = spawnSync('astro', ['build', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, RUNBOOKS_OUT_DIR: building },
});
if (astro.status !== 0) {
  rmSync(building, { recursive: true, force: true });
  console.error(`build failed; ${existsSync(target) ? `the previous build in ${target} is unchanged` : 'nothing was written'}`);
  process.exit(astro.status ?? 1);
}
rmSync(previous, { recursive: true, force: true });
if (existsSync(target)) renameSync(target, previous);
renameSync(building, target);
rmSync(previous, { recursive: true, force: true });
