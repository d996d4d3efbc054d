#!/usr/bin/env node
// Run after `npm install` changes the lockfile: node scripts/complete-lockfile.cjs package-lock.json
// Adds lockfile entries for optional platform binaries the reachable registry does not serve, with
// their os/cpu/libc, so `npm ci` accepts the lock and skips them on platforms that do not need them.
const fs = require('node:fs');
const f = process.argv[2];
const lock = JSON.parse(fs.readFileSync(f, 'utf8'));
const OS = ['android', 'darwin', 'freebsd', 'linux', 'win32', 'openbsd', 'netbsd', 'sunos', 'aix', 'openharmony', 'cygwin'];
const CPU = ['arm64', 'x64', 'ia32', 'arm', 'ppc64', 'riscv64', 's390x', 'loong64', 'mips64el', 'wasm32'];
let added = 0;
for (const [path, pkg] of Object.entries(lock.packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const key = `${path ? `${path}/` : ''}node_modules/${name}`.replace(
      /^node_modules\/(.*)\/node_modules\//,
      'node_modules/$1/node_modules/',
    );
    const top = `node_modules/${name}`;
    if (lock.packages[key] || lock.packages[top]) continue;
    const parts = name.split('/').pop().split('-');
    const os = OS.find((o) => parts.includes(o)) ?? 'none';
    const cpu = CPU.find((c) => parts.includes(c)) ?? parts.find((p) => /^(arm|x64|ia32)/.test(p)) ?? 'none';
    const libc = parts.some((p) => /musl/.test(p)) ? 'musl' : os === 'linux' ? 'glibc' : null;
    lock.packages[top] = {
      version: version.replace(/^[^\d]*/, ''),
      dev: !!pkg.dev,
      optional: true,
      os: [os],
      cpu: [cpu.replace(/eabihf$/, '')],
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
fs.writeFileSync(f, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`added ${added} entries`);
